package gongkai.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.RequestTable;

/** R-BAL-01: the identity the table states itself, per column: 第一项 + 第二项 = 第三项 + 第四项. */
public final class RequestBalanceRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.BAL_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        Optional<RequestRow> fresh = RequestRows.row(report, RequestTable.NEW);
        Optional<RequestRow> carried = RequestRows.row(report, RequestTable.CARRIED_OVER);
        Optional<RequestRow> results = RequestRows.row(report, RequestTable.RESULT_TOTAL);
        Optional<RequestRow> forward = RequestRows.row(report, RequestTable.CARRY_FORWARD);
        // A table missing one of these rows is a parse or section problem reported elsewhere, not an imbalance.
        if (fresh.isEmpty() || carried.isEmpty() || results.isEmpty() || forward.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
            long n = RequestRows.value(fresh.get(), c);
            long co = RequestRows.value(carried.get(), c);
            long rt = RequestRows.value(results.get(), c);
            long cf = RequestRows.value(forward.get(), c);
            if (n + co == rt + cf) {
                continue;
            }
            boolean blanks = RequestRows.cell(fresh.get(), c) == null || RequestRows.cell(carried.get(), c) == null
                    || RequestRows.cell(results.get(), c) == null || RequestRows.cell(forward.get(), c) == null;
            findings.add(INFO.finding(new Location(3, null, RequestRows.columnZh(c)),
                    Long.toString(n + co), Long.toString(rt + cf),
                    "第三部分“" + RequestRows.columnZh(c) + "”列：本年新收 " + n + " + 上年结转 " + co + " = " + (n + co)
                            + "，但办理结果总计 " + rt + " + 结转下年度 " + cf + " = " + (rt + cf) + "，两者应相等"
                            + (blanks ? "（空白按 0 计）" : "") + "。",
                    "Section 3, column " + RequestRows.columnEn(c) + ": new " + n + " + carried over " + co + " = "
                            + (n + co) + ", but results total " + rt + " + carried forward " + cf + " = " + (rt + cf)
                            + "; the two must be equal" + (blanks ? " (blank cells counted as 0)" : "") + "."));
        }
        return findings;
    }
}
