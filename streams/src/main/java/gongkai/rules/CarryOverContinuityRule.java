package gongkai.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.RequestTable;

/** R-CONT-01: what last year's report carried forward is what this year's report says it carried over, per column. */
public final class CarryOverContinuityRule implements ContinuityRule {
    private static final RuleInfo INFO = RuleDefinitions.CONT_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport previous, DisclosureReport current) {
        if (previous == null) {
            return List.of();
        }
        Optional<RequestRow> forward = RequestRows.row(previous, RequestTable.CARRY_FORWARD);
        Optional<RequestRow> carried = RequestRows.row(current, RequestTable.CARRIED_OVER);
        if (forward.isEmpty() || carried.isEmpty()) {
            return List.of();
        }
        int lastYear = previous.getYear();
        List<Finding> findings = new ArrayList<>();
        for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
            long expected = RequestRows.value(forward.get(), c);
            long actual = RequestRows.value(carried.get(), c);
            if (expected == actual) {
                continue;
            }
            findings.add(INFO.finding(new Location(3, RequestTable.CARRIED_OVER, RequestRows.columnZh(c)),
                    Long.toString(expected), Long.toString(actual),
                    "第三部分“" + RequestRows.columnZh(c) + "”列：本年“" + RequestRows.labelZh(current, RequestTable.CARRIED_OVER)
                            + "”为 " + actual + "，但" + lastYear + "年度报告“"
                            + RequestRows.labelZh(previous, RequestTable.CARRY_FORWARD) + "”为 " + expected + "。",
                    "Section 3, column " + RequestRows.columnEn(c) + ": this report's carried over is " + actual
                            + ", but the " + lastYear + " report carried forward " + expected + ".")
                    .withCells(Identity.cells(INFO.id(),
                            List.of(CellRef.newBuilder(Identities.request(forward.get(), c)).setReportId(previous.getReportId()).build()),
                            List.of(Identities.request(carried.get(), c)))));
        }
        return findings;
    }
}
