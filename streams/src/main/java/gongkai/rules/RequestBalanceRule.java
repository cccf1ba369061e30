package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/** R-BAL-01: the identity section 3 states itself, per column: 第一项 + 第二项 = 第三项（七）总计 + 第四项. */
@RuleSpec(id = "R-BAL-01", kind = "balance", severity = ERROR,
        zh = "某列：本年新收 + 上年结转 ≠ 办理结果总计 + 结转下年度", en = "per column: new + carried over ≠ results total + carried forward")
public final class RequestBalanceRule extends IdentityRule {
    private static final List<String> LEFT_ZH = List.of("本年新收", "上年结转");
    private static final List<String> RIGHT_ZH = List.of("办理结果总计", "结转下年度");
    private static final List<String> LEFT_EN = List.of("new", "carried over");
    private static final List<String> RIGHT_EN = List.of("results total", "carried forward");

    /** Empty if one of the four rows is missing: a table without them is not called unbalanced. */
    @Override
    List<Identity> identities(DisclosureReport report) {
        Optional<RequestRow> fresh = RequestRows.row(report, RequestTable.NEW);
        Optional<RequestRow> carried = RequestRows.row(report, RequestTable.CARRIED_OVER);
        Optional<RequestRow> results = RequestRows.row(report, RequestTable.RESULT_TOTAL);
        Optional<RequestRow> forward = RequestRows.row(report, RequestTable.CARRY_FORWARD);
        if (fresh.isEmpty() || carried.isEmpty() || results.isEmpty() || forward.isEmpty()) {
            return List.of();
        }
        List<Identity> out = new ArrayList<>();
        for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
            var left = List.of(RequestRows.ref(fresh.get(), c), RequestRows.ref(carried.get(), c));
            var right = List.of(RequestRows.ref(results.get(), c), RequestRows.ref(forward.get(), c));
            Place place = RequestRows.place(report, null, RequestRows.columnZh(c));
            out.add(new Identity(id(), place, () -> new Identity.Wording(
                    place.zhInSection() + " 新收 + 上年结转 = 办理结果总计 + 结转下年度",
                    place.enInSection() + " new + carried over = results total + carried forward",
                    Identity.terms(LEFT_ZH, left), Identity.terms(LEFT_EN, left),
                    Identity.terms(RIGHT_ZH, right), Identity.terms(RIGHT_EN, right)), left, right));
        }
        return out;
    }
}
