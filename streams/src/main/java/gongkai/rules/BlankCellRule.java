package gongkai.rules;

import static gongkai.avro.Severity.INFO;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import gongkai.avro.CellKind;
import gongkai.avro.DisclosureReport;
import gongkai.avro.Severity;
import gongkai.report.Place;

/**
 * R-CELL-01: blank cells and zero notations ("—", "-", "/", "无"), noted once per table: which cells, and what they
 * were read as (0). A note, at INFO, unless a check depends on them: an identity of the table that fails only
 * because a cell was left blank is named here (a WARNING) instead of being reported as a wrong figure by its
 * arithmetic rule. A report that leaves 140 cells blank thus gets one note per table, not 140 alerts.
 */
@RuleSpec(id = "R-CELL-01", kind = "cell", severity = INFO,
        zh = "表格中的空白单元格和零记号（每表一次，按 0 计算；有等式因空白不成立时为警告）",
        en = "blank cells and zero notations of a table, noted once per table (read as 0; WARNING when an identity fails only because of them)")
public final class BlankCellRule implements ReportRule {
    /** Cells named in a message; the alert's cell list has them all. */
    private static final int NAMED = 10;

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        List<Identity> failingOnBlanks = null;
        for (int section = 2; section <= 4; section++) {
            List<TableCell> noted = TableCell.of(report, section).stream().filter(TableCell::isBlankOrZeroNotation).toList();
            if (noted.isEmpty()) {
                continue;
            }
            if (failingOnBlanks == null && noted.stream().anyMatch(c -> c.kind() == CellKind.BLANK)) {
                failingOnBlanks = failingOnBlanks(report);
            }
            int s = section;
            List<Identity> dependent = failingOnBlanks == null ? List.of()
                    : failingOnBlanks.stream().filter(i -> i.place().section() == s).toList();
            findings.add(note(report, section, noted, dependent));
        }
        return findings;
    }

    /** The identities of the arithmetic rules that fail only because of blank cells. */
    private static List<Identity> failingOnBlanks(DisclosureReport report) {
        List<Identity> out = new ArrayList<>();
        for (IdentityRule rule : Rules.identityRules()) {
            rule.identities(report).stream().filter(Identity::failsOnlyOnBlanks).forEach(out::add);
        }
        return out;
    }

    private Finding note(DisclosureReport report, int section, List<TableCell> noted, List<Identity> dependent) {
        List<Place> blanks = noted.stream().filter(c -> c.kind() == CellKind.BLANK).map(TableCell::place).toList();
        List<TableCell> zeros = noted.stream().filter(c -> c.kind() == CellKind.ZERO_NOTATION).toList();
        StringBuilder zh = new StringBuilder(Place.section(section).zh()).append("表格");
        StringBuilder en = new StringBuilder(Place.section(section).en()).append(" table");
        String sep = "：";
        if (!blanks.isEmpty()) {
            zh.append(sep).append("空白 ").append(blanks.size()).append(" 格，计算时按 0 处理（").append(names(report, blanks, true)).append("）");
            en.append(": ").append(blanks.size()).append(" blank cell(s), counted as 0 (").append(names(report, blanks, false)).append(")");
            sep = "；";
        }
        if (!zeros.isEmpty()) {
            Set<String> marks = new LinkedHashSet<>();
            zeros.forEach(c -> marks.add(c.printed().isEmpty() ? "—" : c.printed()));
            List<Place> places = zeros.stream().map(TableCell::place).toList();
            zh.append(sep).append("以").append(String.join("", marks.stream().map(m -> "“" + m + "”").toList()))
                    .append("表示 0 的 ").append(zeros.size()).append(" 格（").append(names(report, places, true)).append("）");
            en.append(blanks.isEmpty() ? ": " : "; ").append(zeros.size()).append(" cell(s) written ")
                    .append(String.join(" ", marks.stream().map(m -> "\"" + m + "\"").toList())).append(" read as 0 (")
                    .append(names(report, places, false)).append(")");
        }
        zh.append("。");
        en.append(".");
        if (!dependent.isEmpty()) {
            StringJoiner idsZh = new StringJoiner("；");
            StringJoiner idsEn = new StringJoiner("; ");
            for (Identity i : dependent) {
                List<Place> cells = i.blanks().stream().map(c -> Place.of(c.getSection(), c.getRow(), c.getColumn())).toList();
                idsZh.add(i.formulaZh() + "（" + i.ruleId() + "，差 " + Math.abs(i.delta()) + "，空白：" + names(report, cells, true) + "）");
                idsEn.add(i.formulaEn() + " (" + i.ruleId() + ", off by " + Math.abs(i.delta()) + ", blank: " + names(report, cells, false) + ")");
            }
            zh.append("以下等式仅因空白格不成立，填写数字即可成立：").append(idsZh).append("。");
            en.append(" These identities fail only because of blank cells; filling in the figures would make them hold: ")
                    .append(idsEn).append(".");
        }
        String actual = "空白 " + blanks.size() + " 格，零记号 " + zeros.size() + " 格"
                + (dependent.isEmpty() ? "" : "，" + dependent.size() + " 个等式因空白不成立");
        Finding f = finding(Place.section(section), "每格填写数字", actual, zh.toString(), en.toString());
        return new Finding(f.ruleId(), f.kind(), dependent.isEmpty() ? f.severity() : Severity.WARNING, f.place(), f.expected(),
                f.actual(), f.messageZh(), f.messageEn(), null, noted.stream().map(TableCell::ref).toList(), List.of());
    }

    /** The first cells by place, rows named as the report prints them, and how many more. */
    private static String names(DisclosureReport report, List<Place> places, boolean zh) {
        StringJoiner out = new StringJoiner(zh ? "、" : "; ");
        for (Place p : places.subList(0, Math.min(NAMED, places.size()))) {
            out.add(zh ? RequestRows.labelled(report, p).zhInSection() : p.enInSection());
        }
        int more = places.size() - NAMED;
        return out + (more > 0 ? (zh ? "等，另 " + more + " 格" : " and " + more + " more") : "");
    }
}
