package gongkai.rules;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;

/**
 * R-BAL-01: the identity the table states itself, per column: 第一项 + 第二项 = 第三项 + 第四项. An identity that
 * fails only because a cell was left blank is the blank-cell note's business (R-CELL-01), not an error here.
 */
public final class RequestBalanceRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.BAL_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Identity identity : Identities.balance(report)) {
            if (identity.holds() || identity.failsOnlyOnBlanks()) {
                continue;
            }
            long n = value(identity.left().get(0));
            long co = value(identity.left().get(1));
            long rt = value(identity.right().get(0));
            long cf = value(identity.right().get(1));
            boolean blanks = !identity.blanks().isEmpty();
            String column = identity.location().column();
            String columnEn = RequestRows.columnEn(gongkai.report.RequestTable.COLUMNS.indexOf(column));
            findings.add(INFO.finding(identity.location(), Long.toString(n + co), Long.toString(rt + cf),
                    "第三部分“" + column + "”列：本年新收 " + n + " + 上年结转 " + co + " = " + (n + co)
                            + "，但办理结果总计 " + rt + " + 结转下年度 " + cf + " = " + (rt + cf) + "，两者应相等"
                            + (blanks ? "（空白按 0 计）" : "") + "。",
                    "Section 3, column " + columnEn + ": new " + n + " + carried over " + co + " = "
                            + (n + co) + ", but results total " + rt + " + carried forward " + cf + " = " + (rt + cf)
                            + "; the two must be equal" + (blanks ? " (blank cells counted as 0)" : "") + ".")
                    .withCells(identity));
        }
        return findings;
    }

    private static long value(CellRef cell) {
        return cell.getValue() == null ? 0 : cell.getValue();
    }
}
