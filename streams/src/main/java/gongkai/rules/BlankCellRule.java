package gongkai.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.avro.Severity;
import gongkai.report.RequestTable;

/**
 * R-CELL-01: blank cells and zero notations ("—", "-", "/", "无"), noted once per table: which cells, and what they
 * were read as (0). A note, at INFO, unless a check depends on them: an identity of the table that fails only
 * because a cell was left blank is named here (a WARNING) instead of being reported as a wrong figure by its
 * arithmetic rule. A report that leaves 140 cells blank thus gets one note per table, not 140 alerts.
 */
public final class BlankCellRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.CELL_01;
    /** Cells named in a message; the alert's cell list has them all. */
    private static final int NAMED = 10;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (int section = 2; section <= 4; section++) {
            List<CellRef> noted = noted(report, section);
            if (noted.isEmpty()) {
                continue;
            }
            List<Identity> dependent = Identities.ofSection(report, section).stream().filter(Identity::failsOnlyOnBlanks).toList();
            findings.add(note(report, section, noted, dependent));
        }
        return findings;
    }

    private static Finding note(DisclosureReport report, int section, List<CellRef> noted, List<Identity> dependent) {
        List<CellRef> blanks = noted.stream().filter(c -> c.getKind() == CellKind.BLANK).toList();
        List<CellRef> zeros = noted.stream().filter(c -> c.getKind() == CellKind.ZERO_NOTATION).toList();
        StringBuilder zh = new StringBuilder(Text.sectionZh(section)).append("表格");
        StringBuilder en = new StringBuilder(Text.sectionEn(section)).append(" table");
        String sep = "：";
        if (!blanks.isEmpty()) {
            zh.append(sep).append("空白 ").append(blanks.size()).append(" 格，计算时按 0 处理（").append(names(report, blanks, true)).append("）");
            en.append(": ").append(blanks.size()).append(" blank cell(s), counted as 0 (").append(names(report, blanks, false)).append(")");
            sep = "；";
        }
        if (!zeros.isEmpty()) {
            Set<String> marks = new LinkedHashSet<>();
            zeros.forEach(c -> marks.add(printed(report, c)));
            zh.append(sep).append("以").append(String.join("", marks.stream().map(m -> "“" + m + "”").toList()))
                    .append("表示 0 的 ").append(zeros.size()).append(" 格（").append(names(report, zeros, true)).append("）");
            en.append(blanks.isEmpty() ? ": " : "; ").append(zeros.size()).append(" cell(s) written ")
                    .append(String.join(" ", marks.stream().map(m -> "\"" + m + "\"").toList())).append(" read as 0 (")
                    .append(names(report, zeros, false)).append(")");
        }
        zh.append("。");
        en.append(".");
        if (!dependent.isEmpty()) {
            StringJoiner idsZh = new StringJoiner("；");
            StringJoiner idsEn = new StringJoiner("; ");
            for (Identity i : dependent) {
                idsZh.add(i.labelZh() + "（" + i.ruleId() + "，差 " + Math.abs(i.delta()) + "，空白：" + names(report, i.blanks(), true) + "）");
                idsEn.add(i.labelEn() + " (" + i.ruleId() + ", off by " + Math.abs(i.delta()) + ", blank: " + names(report, i.blanks(), false) + ")");
            }
            zh.append("以下等式仅因空白格不成立，填写数字即可成立：").append(idsZh).append("。");
            en.append(" These identities fail only because of blank cells; filling in the figures would make them hold: ")
                    .append(idsEn).append(".");
        }
        String actual = "空白 " + blanks.size() + " 格，零记号 " + zeros.size() + " 格"
                + (dependent.isEmpty() ? "" : "，" + dependent.size() + " 个等式因空白不成立");
        Finding f = INFO.finding(Location.section(section), "每格填写数字", actual, zh.toString(), en.toString());
        return new Finding(f.ruleId(), f.kind(), dependent.isEmpty() ? f.severity() : Severity.WARNING, f.location(), f.expected(),
                f.actual(), f.messageZh(), f.messageEn(), null, noted, List.of());
    }

    /** The blank cells and zero notations of one table, in table order. */
    static List<CellRef> noted(DisclosureReport report, int section) {
        List<CellRef> out = new ArrayList<>();
        if (section == 2) {
            for (ActiveDisclosureRow row : report.getActiveDisclosure()) {
                for (ActiveDisclosureCell cell : row.getCells()) {
                    CellKind kind = Text.isBlank(cell.getRaw()) ? CellKind.BLANK
                            : cell.getValue() != null && cell.getValue() == 0 && Text.plain(cell.getRaw()).chars().noneMatch(Character::isDigit)
                            ? CellKind.ZERO_NOTATION : null;
                    if (kind != null) {
                        out.add(CellRef.newBuilder().setSection(2).setRow(ActiveRows.rowKey(row)).setColumn(ActiveRows.header(cell))
                                .setValue(kind == CellKind.BLANK ? null : 0L).setKind(kind).setReportId(null).build());
                    }
                }
            }
        } else if (section == 3) {
            for (RequestRow row : RequestRows.distinctRows(report)) {
                for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
                    CellKind kind = RequestRows.kind(row, c);
                    if (kind == CellKind.BLANK || kind == CellKind.ZERO_NOTATION) {
                        out.add(Identities.request(row, c));
                    }
                }
            }
        } else if (section == 4) {
            for (ReviewGroup group : report.getReview()) {
                for (ReviewCells.Cell cell : ReviewCells.cells(group)) {
                    if (cell.value() == null) {
                        out.add(Identities.review(group, cell));
                    }
                }
            }
        }
        return out;
    }

    private static String names(DisclosureReport report, List<CellRef> cells, boolean zh) {
        StringJoiner out = new StringJoiner(zh ? "、" : "; ");
        for (CellRef c : cells.subList(0, Math.min(NAMED, cells.size()))) {
            out.add(zh ? nameZh(report, c) : nameEn(c));
        }
        int more = cells.size() - NAMED;
        return out + (more > 0 ? (zh ? "等，另 " + more + " 格" : " and " + more + " more") : "");
    }

    private static String nameZh(DisclosureReport report, CellRef c) {
        return switch (c.getSection()) {
            case 3 -> "“" + RequestRows.labelZh(report, c.getRow()) + "”行“" + c.getColumn() + "”列";
            case 4 -> ReviewCells.groupZh(gongkai.avro.ReviewGroupKind.valueOf(c.getRow())) + "“" + c.getColumn() + "”";
            default -> "“" + c.getRow() + "”行“" + c.getColumn() + "”列";
        };
    }

    private static String nameEn(CellRef c) {
        return switch (c.getSection()) {
            case 3 -> RequestRows.labelEn(c.getRow()) + ", column " + RequestRows.columnEn(RequestTable.COLUMNS.indexOf(c.getColumn()));
            case 4 -> ReviewCells.groupEn(gongkai.avro.ReviewGroupKind.valueOf(c.getRow())) + ", " + c.getColumn();
            default -> "row " + c.getRow() + ", column " + c.getColumn();
        };
    }

    /** The zero notation as printed, for the message. */
    private static String printed(DisclosureReport report, CellRef c) {
        if (c.getSection() == 3) {
            return RequestRows.row(report, c.getRow()).map(r -> Text.plain(RequestRows.raw(r, RequestTable.COLUMNS.indexOf(c.getColumn()))))
                    .filter(s -> !s.isEmpty()).orElse("—");
        }
        return report.getActiveDisclosure().stream().filter(r -> ActiveRows.rowKey(r).equals(c.getRow()))
                .flatMap(r -> r.getCells().stream()).filter(cell -> ActiveRows.header(cell).equals(c.getColumn()))
                .map(cell -> Text.plain(cell.getRaw())).findFirst().orElse("—");
    }
}
