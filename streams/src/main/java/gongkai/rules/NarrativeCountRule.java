package gongkai.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.avro.ClaimKind;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.RequestRow;
import gongkai.report.RequestTable;

/** R-NAR-01: a count the narrative states (新收13件) must match the 总计 column of its row (or rows) in section 3. */
public final class NarrativeCountRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.NAR_01;

    /** What a claim is compared with: the row, or the rows whose 总计 cells add up to it. */
    private record Target(String prefix, String zh, String en) {
        boolean matches(String code) {
            return prefix.endsWith("_") ? code.startsWith(prefix) : code.equals(prefix);
        }
    }

    private static final Map<ClaimKind, Target> TARGETS = Map.of(
            ClaimKind.NEW_REQUESTS, new Target(RequestTable.NEW, "本年新收", "new requests"),
            ClaimKind.CARRIED_OVER, new Target(RequestTable.CARRIED_OVER, "上年结转", "carried over"),
            ClaimKind.DISCLOSED, new Target(RequestTable.DISCLOSED, "予以公开", "disclosed"),
            ClaimKind.PARTIAL, new Target(RequestTable.PARTIAL, "部分公开", "partly disclosed"),
            ClaimKind.WITHHELD, new Target("WITHHELD_", "不予公开", "withheld"),
            ClaimKind.UNABLE, new Target("UNABLE_", "无法提供", "unable to provide"),
            ClaimKind.NOT_PROCESSED, new Target("NOT_PROCESSED_", "不予处理", "not processed"),
            ClaimKind.CARRY_FORWARD, new Target(RequestTable.CARRY_FORWARD, "结转下年度", "carried forward"));

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (NarrativeClaim claim : report.getClaims()) {
            Target target = TARGETS.get(claim.getKind());
            if (target == null) {
                continue;
            }
            List<RequestRow> rows = RequestRows.distinctRows(report).stream().filter(r -> target.matches(r.getCode())).toList();
            // Nothing to compare with: the table (or the row) is missing, which other rules report.
            if (rows.isEmpty()) {
                continue;
            }
            long table = rows.stream().mapToLong(r -> RequestRows.value(r, RequestTable.TOTAL_COLUMN)).sum();
            if (table == claim.getValue()) {
                continue;
            }
            String phrase = Text.plain(claim.getPhrase());
            String rowZh = rows.size() == 1 ? "“" + RequestRows.labelZh(report, rows.get(0).getCode()) + "”行"
                    : "“" + target.zh() + "”各行";
            String rowEn = rows.size() == 1 ? RequestRows.labelEn(rows.get(0).getCode()) : "the " + target.en() + " rows";
            Location location = new Location(1, phrase, null);
            findings.putIfAbsent(location.key(), INFO.finding(location, Long.toString(table), Long.toString(claim.getValue()),
                    "第一部分文字“" + phrase + "”称" + target.zh() + " " + claim.getValue() + " 件，但第三部分表格"
                            + rowZh + "“总计”为 " + table + "。",
                    "Section 1 text \"" + phrase + "\" states " + target.en() + " " + claim.getValue()
                            + ", but the section 3 table (" + rowEn + ", total column) says " + table + "."));
        }
        return new ArrayList<>(findings.values());
    }
}
