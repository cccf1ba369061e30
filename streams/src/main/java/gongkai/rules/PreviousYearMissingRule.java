package gongkai.rules;

import java.util.List;

import gongkai.avro.DisclosureReport;

/** R-CONT-03: without last year's report the carry-over chain cannot be checked; say so rather than pass silently. */
public final class PreviousYearMissingRule implements ContinuityRule {
    private static final RuleInfo INFO = RuleDefinitions.CONT_03;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport previous, DisclosureReport current) {
        if (previous != null) {
            return List.of();
        }
        int lastYear = current.getYear() - 1;
        return List.of(INFO.finding(Location.document(), lastYear + "年度报告", "未收到",
                "尚未收到" + lastYear + "年度报告，无法核对上年结转数。",
                "The " + lastYear + " report has not been received (yet); the carry-over chain cannot be checked."));
    }
}
