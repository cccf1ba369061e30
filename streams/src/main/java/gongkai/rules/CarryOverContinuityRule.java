package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/** R-CONT-01: what last year's report carried forward is what this year's report says it carried over, per column. */
@RuleSpec(id = "R-CONT-01", kind = "continuity", severity = ERROR,
        zh = "某列：本年上年结转 ≠ 上年度报告结转下年度继续办理", en = "per column: carried over ≠ the previous report's carried forward")
public final class CarryOverContinuityRule implements ContinuityRule {
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
            Place place = RequestRows.place(current, RequestTable.CARRIED_OVER, RequestRows.columnZh(c));
            findings.add(finding(place, Long.toString(expected), Long.toString(actual),
                    place.zh() + "：本年为 " + actual + "，但" + lastYear + "年度报告“"
                            + RequestRows.labelZh(previous, RequestTable.CARRY_FORWARD) + "”为 " + expected + "。",
                    place.en() + ": this report says " + actual + ", but the " + lastYear + " report carried forward "
                            + expected + ".")
                    .withCells(Identity.cells(id(),
                            List.of(CellRef.newBuilder(RequestRows.ref(forward.get(), c)).setReportId(previous.getReportId()).build()),
                            List.of(RequestRows.ref(carried.get(), c)))));
        }
        return findings;
    }
}
