package gongkai.dashboard;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.ComplianceAlert;
import gongkai.report.RequestTable;

/**
 * One table cell an alert names: in which report version, where, and on which side of the rule's
 * identity. From the alert's {@code left}/{@code right} cells where the rule fills them; otherwise
 * from its location (and, for the carry-over chain, the previous year's 结转下年度 in the same column).
 */
record CellMark(String reportId, int section, String row, String column, Side side) {
    enum Side { LEFT, RIGHT, AT }

    String key() {
        return key(section, row, column);
    }

    static String key(int section, String row, String column) {
        return section + "|" + plain(row) + "|" + plain(column);
    }

    /** Labels as printed carry NBSP, U+3000 and line breaks; locations are whitespace-normalised. */
    static String plain(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    }

    /**
     * @param previousReportId the report the alert compares with ({@code comparedWith}), if the view has it
     */
    static List<CellMark> of(ComplianceAlert a, String previousReportId) {
        List<CellMark> out = new ArrayList<>();
        for (CellRef c : a.getLeft()) {
            out.add(new CellMark(c.getReportId() != null ? c.getReportId() : a.getReportId(), c.getSection(), c.getRow(), c.getColumn(), Side.LEFT));
        }
        for (CellRef c : a.getRight()) {
            out.add(new CellMark(c.getReportId() != null ? c.getReportId() : a.getReportId(), c.getSection(), c.getRow(), c.getColumn(), Side.RIGHT));
        }
        if (!out.isEmpty()) {
            return out;
        }
        var l = a.getLocation();
        if (l.getColumn() == null) {
            return out;
        }
        if (l.getRow() != null) {
            boolean carryOver = l.getSection() == 3 && RequestTable.CARRIED_OVER.equals(l.getRow()) && previousReportId != null
                    && "continuity".equals(a.getKind());
            if (carryOver) {
                out.add(new CellMark(previousReportId, 3, RequestTable.CARRY_FORWARD, l.getColumn(), Side.LEFT));
                out.add(new CellMark(a.getReportId(), 3, l.getRow(), l.getColumn(), Side.RIGHT));
            } else {
                out.add(new CellMark(a.getReportId(), l.getSection(), l.getRow(), l.getColumn(), Side.AT));
            }
        } else if (l.getSection() == 3) {
            // A per-column identity (R-BAL-01): 新收 + 上年结转 on one side, 总计 + 结转下年度 on the other.
            out.add(new CellMark(a.getReportId(), 3, RequestTable.NEW, l.getColumn(), Side.LEFT));
            out.add(new CellMark(a.getReportId(), 3, RequestTable.CARRIED_OVER, l.getColumn(), Side.LEFT));
            out.add(new CellMark(a.getReportId(), 3, RequestTable.RESULT_TOTAL, l.getColumn(), Side.RIGHT));
            out.add(new CellMark(a.getReportId(), 3, RequestTable.CARRY_FORWARD, l.getColumn(), Side.RIGHT));
        }
        return out;
    }
}
