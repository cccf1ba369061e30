package gongkai.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.avro.ReviewGroupKind;
import gongkai.report.RequestTable;

/**
 * The identities the arithmetic rules check, built in one place so that each rule and the blank-cell note
 * (which names the identities that fail only because of blank cells) see the same cells.
 */
final class Identities {
    private Identities() {
    }

    /** R-BAL-01, per column: 新收 + 上年结转 = （七）总计 + 结转下年度. Empty if one of the four rows is missing. */
    static List<Identity> balance(DisclosureReport report) {
        Optional<RequestRow> fresh = RequestRows.row(report, RequestTable.NEW);
        Optional<RequestRow> carried = RequestRows.row(report, RequestTable.CARRIED_OVER);
        Optional<RequestRow> results = RequestRows.row(report, RequestTable.RESULT_TOTAL);
        Optional<RequestRow> forward = RequestRows.row(report, RequestTable.CARRY_FORWARD);
        if (fresh.isEmpty() || carried.isEmpty() || results.isEmpty() || forward.isEmpty()) {
            return List.of();
        }
        List<Identity> out = new ArrayList<>();
        for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
            int column = c;
            out.add(new Identity(RuleDefinitions.BAL_01.id(), new Location(3, null, RequestRows.columnZh(c)),
                    () -> new String[] {"“" + RequestRows.columnZh(column) + "”列 新收 + 上年结转 = 办理结果总计 + 结转下年度",
                            "column " + RequestRows.columnEn(column) + " new + carried over = results total + carried forward"},
                    List.of(request(fresh.get(), c), request(carried.get(), c)),
                    List.of(request(results.get(), c), request(forward.get(), c))));
        }
        return out;
    }

    /** R-ROW-01, per row: the six applicant columns = 总计. */
    static List<Identity> rowTotals(DisclosureReport report) {
        List<Identity> out = new ArrayList<>();
        int total = RequestTable.TOTAL_COLUMN;
        for (RequestRow row : RequestRows.distinctRows(report)) {
            List<CellRef> parts = new ArrayList<>();
            for (int c = 0; c < total; c++) {
                parts.add(request(row, c));
            }
            out.add(new Identity(RuleDefinitions.ROW_01.id(), new Location(3, row.getCode(), RequestRows.columnZh(total)),
                    () -> new String[] {"“" + RequestRows.labelZh(report, row.getCode()) + "”行 六类申请人之和 = 总计",
                            RequestRows.labelEn(row.getCode()) + " six applicant columns = total"}, parts, List.of(request(row, total))));
        }
        return out;
    }

    /** R-SUB-01, per column: the result rows （一）…（六） = （七）总计. */
    static List<Identity> subtotals(DisclosureReport report) {
        Optional<RequestRow> totalRow = RequestRows.row(report, RequestTable.RESULT_TOTAL);
        if (totalRow.isEmpty()) {
            return List.of();
        }
        List<RequestRow> resultRows = RequestRows.resultRowCodes().stream().map(code -> RequestRows.row(report, code))
                .flatMap(Optional::stream).toList();
        List<Identity> out = new ArrayList<>();
        for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
            int column = c;
            out.add(new Identity(RuleDefinitions.SUB_01.id(), new Location(3, RequestTable.RESULT_TOTAL, RequestRows.columnZh(c)),
                    () -> new String[] {"“" + RequestRows.columnZh(column) + "”列 办理结果（一）至（六）之和 = （七）总计",
                            "column " + RequestRows.columnEn(column) + " result rows 三(一) to 三(六) = total of results"},
                    resultRows.stream().map(r -> request(r, column)).toList(), List.of(request(totalRow.get(), c))));
        }
        return out;
    }

    /** R-REV-01, per section-4 group: 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
    static List<Identity> reviewTotals(DisclosureReport report) {
        List<Identity> out = new ArrayList<>();
        Set<ReviewGroupKind> seen = EnumSet.noneOf(ReviewGroupKind.class);
        for (ReviewGroup group : report.getReview()) {
            if (!seen.add(group.getGroup())) {
                continue;
            }
            List<CellRef> cells = ReviewCells.cells(group).stream().map(cell -> review(group, cell)).toList();
            out.add(new Identity(RuleDefinitions.REV_01.id(), new Location(4, group.getGroup().name(), "总计"),
                    () -> new String[] {ReviewCells.groupZh(group.getGroup()) + " 维持 + 纠正 + 其他 + 尚未审结 = 总计",
                            ReviewCells.groupEn(group.getGroup()) + " upheld + corrected + other + pending = total"},
                    cells.subList(0, 4), cells.subList(4, 5)));
        }
        return out;
    }

    /** Every identity of one table: section 3's three kinds, or section 4's totals. */
    static List<Identity> ofSection(DisclosureReport report, int section) {
        List<Identity> out = new ArrayList<>();
        if (section == 3) {
            out.addAll(balance(report));
            out.addAll(rowTotals(report));
            out.addAll(subtotals(report));
        } else if (section == 4) {
            out.addAll(reviewTotals(report));
        }
        return out;
    }

    static CellRef request(RequestRow row, int column) {
        // The all-fields constructor: a builder per cell costs more than the check itself, for hundreds of cells a report.
        return new CellRef(3, row.getCode(), RequestRows.columnZh(column), RequestRows.cell(row, column), RequestRows.kind(row, column), null);
    }

    static CellRef review(ReviewGroup group, ReviewCells.Cell cell) {
        return new CellRef(4, group.getGroup().name(), cell.zh(), cell.value(), cell.value() == null ? CellKind.BLANK : CellKind.NUMBER, null);
    }
}
