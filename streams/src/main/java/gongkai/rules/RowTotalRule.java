package gongkai.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;

/**
 * R-ROW-01: in every section-3 row the 总计 column is the sum of the six applicant columns. A row whose 总计 was
 * left blank is noted with the blank cells (R-CELL-01), not reported as a wrong total.
 */
public final class RowTotalRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.ROW_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Identity identity : Identities.rowTotals(report)) {
            if (identity.holds() || identity.failsOnlyOnBlanks()) {
                continue;
            }
            StringJoiner terms = new StringJoiner(" + ");
            for (CellRef c : identity.left()) {
                terms.add(Long.toString(c.getValue() == null ? 0 : c.getValue()));
            }
            long sum = identity.leftSum();
            long total = identity.rightSum();
            String code = identity.location().row();
            findings.add(INFO.finding(identity.location(), Long.toString(sum), Long.toString(total),
                    "第三部分“" + RequestRows.labelZh(report, code) + "”行：六类申请人合计 " + terms + " = " + sum
                            + "，但“总计”列为 " + total + "。",
                    "Section 3, " + RequestRows.labelEn(code) + ": the six applicant columns sum to " + terms + " = "
                            + sum + ", but the total column says " + total + ".")
                    .withCells(identity));
        }
        return findings;
    }
}
