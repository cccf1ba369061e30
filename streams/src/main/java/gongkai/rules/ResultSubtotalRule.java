package gongkai.rules;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.report.RequestTable;

/** R-SUB-01: per column, （七）总计 is the sum of the result rows （一）…（六）. */
public final class ResultSubtotalRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.SUB_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Identity identity : Identities.subtotals(report)) {
            if (identity.holds() || identity.failsOnlyOnBlanks()) {
                continue;
            }
            long sum = identity.leftSum();
            long total = identity.rightSum();
            int c = RequestTable.COLUMNS.indexOf(identity.location().column());
            findings.add(INFO.finding(identity.location(), Long.toString(sum), Long.toString(total),
                    "第三部分“" + RequestRows.columnZh(c) + "”列：办理结果（一）至（六）各行合计 " + sum + "，但“"
                            + RequestRows.labelZh(report, RequestTable.RESULT_TOTAL) + "”行为 " + total + "。",
                    "Section 3, column " + RequestRows.columnEn(c) + ": result rows 三(一) to 三(六) sum to " + sum
                            + ", but " + RequestRows.labelEn(RequestTable.RESULT_TOTAL) + " says " + total + ".")
                    .withCells(identity));
        }
        return findings;
    }
}
