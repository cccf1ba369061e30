package gongkai.rules;

import static gongkai.avro.Severity.WARNING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.avro.ClaimKind;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.RequestRow;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/** R-NAR-01: a count the narrative states (新收13件) must match the 总计 column of its row (or rows) in section 3. */
@RuleSpec(id = "R-NAR-01", kind = "narrative", severity = WARNING,
        zh = "正文所述件数与表格不符", en = "a count stated in the text differs from the table")
public final class NarrativeCountRule implements ReportRule {
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
            Place where = rows.size() == 1 ? RequestRows.place(report, rows.get(0).getCode(), RequestRows.columnZh(RequestTable.TOTAL_COLUMN))
                    : null;
            String tableZh = where != null ? where.zh() : "第三部分“" + target.zh() + "”各行“总计”列";
            String tableEn = where != null ? where.en() : "Section 3, the " + target.en() + " rows, column total";
            Place place = Place.text(Text.plain(claim.getPhrase()));
            findings.putIfAbsent(place.key(), finding(place, Long.toString(table), Long.toString(claim.getValue()),
                    place.zh() + "称" + target.zh() + " " + claim.getValue() + " 件，但" + tableZh + "为 " + table + "。",
                    place.en() + " states " + target.en() + " " + claim.getValue() + ", but " + tableEn + " says " + table + "."));
        }
        return new ArrayList<>(findings.values());
    }
}
