package gongkai.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;

/** Which version of each year's report stands (the verdict's, else the latest received) and the cell marks of the alerts on it. */
final class ReportChoice {
    private ReportChoice() {
    }

    /** The standing version per year, oldest year first. */
    static Map<Integer, DisclosureReport> standing(ViewState state, String agency) {
        Map<Integer, DisclosureReport> out = new TreeMap<>();
        state.versions(agency).forEach(r -> out.put(r.getYear(), r));
        for (ReportVerdict v : state.verdicts()) {
            if (v.getAgency().equals(agency)) {
                state.report(v.getReportId()).ifPresent(r -> out.put(v.getYear(), r));
            }
        }
        return out;
    }

    /** The report an alert compares with (continuity rules), by its sha256. */
    static String previousReportId(ViewState state, ComplianceAlert a) {
        return a.getComparedWith() == null ? null : state.reportBySha(a.getComparedWith().getSha256()).map(DisclosureReport::getReportId).orElse(null);
    }

    /** Marks of the given alerts on the cells of one report version. */
    static Tables.Marks marks(ViewState state, List<ComplianceAlert> alerts, String reportId) {
        Map<String, List<String>> byCell = new LinkedHashMap<>();
        Map<String, CellMark.Side> sides = new HashMap<>();
        Map<String, String> messages = new HashMap<>();
        for (ComplianceAlert a : alerts) {
            for (CellMark m : CellMark.of(a, previousReportId(state, a))) {
                if (m.reportId().equals(reportId)) {
                    byCell.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(a.getAlertKey());
                    sides.merge(m.key(), m.side(), (x, y) -> x == y ? x : CellMark.Side.AT);
                    // The cell's tooltip: each alert's rule and bilingual message (an attribute, escaped by Tables).
                    messages.merge(m.key(), a.getRuleId() + " " + a.getMessageZh() + "\n" + a.getMessageEn(), (x, y) -> x + "\n\n" + y);
                }
            }
        }
        return new Tables.Marks(byCell, sides, messages);
    }
}
