package gongkai.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.RequestTable;

/** R-ROW-01: in every section-3 row the 总计 column is the sum of the six applicant columns. */
public final class RowTotalRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.ROW_01;
    private static final int TOTAL = RequestTable.TOTAL_COLUMN;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (RequestRow row : RequestRows.distinctRows(report)) {
            long sum = 0;
            StringJoiner terms = new StringJoiner(" + ");
            for (int c = 0; c < TOTAL; c++) {
                sum += RequestRows.value(row, c);
                terms.add(Long.toString(RequestRows.value(row, c)));
            }
            long total = RequestRows.value(row, TOTAL);
            if (sum == total) {
                continue;
            }
            String code = row.getCode();
            findings.add(INFO.finding(new Location(3, code, RequestRows.columnZh(TOTAL)), Long.toString(sum),
                    Long.toString(total),
                    "第三部分“" + RequestRows.labelZh(report, code) + "”行：六类申请人合计 " + terms + " = " + sum
                            + "，但“总计”列为 " + total + "。",
                    "Section 3, " + RequestRows.labelEn(code) + ": the six applicant columns sum to " + terms + " = "
                            + sum + ", but the total column says " + total + "."));
        }
        return findings;
    }
}
