package gongkai.rules;

import static gongkai.avro.Severity.INFO;

import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.report.Place;

/** R-CONT-03: without last year's report the carry-over chain cannot be checked; say so rather than pass silently. */
@RuleSpec(id = "R-CONT-03", kind = "continuity", severity = INFO,
        zh = "尚未收到上年度报告，无法核对结转", en = "previous year's report not received; carry-over cannot be checked")
public final class PreviousYearMissingRule implements ContinuityRule {
    @Override
    public List<Finding> check(DisclosureReport previous, DisclosureReport current) {
        if (previous != null) {
            return List.of();
        }
        int lastYear = current.getYear() - 1;
        return List.of(finding(Place.document(), lastYear + "年度报告", "未收到",
                "尚未收到" + lastYear + "年度报告，无法核对上年结转数。",
                "The " + lastYear + " report has not been received (yet); the carry-over chain cannot be checked."));
    }
}
