package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.time.LocalDate;
import java.util.Optional;

import gongkai.report.Place;

/**
 * R-MISS-01: an agency on the roster has no report for year Y after the deadline of its level. Not
 * a check of a report but of its absence, so it is asked by the roster check rather than run on reports.
 */
@RuleSpec(id = "R-MISS-01", kind = "missing", severity = ERROR,
        zh = "名录中的机关逾期未发布年度报告", en = "an agency on the roster has no report after the deadline")
public final class MissingReportRule implements Rule {
    private final PublicationDeadline deadlines;

    public MissingReportRule(PublicationDeadline deadlines) {
        this.deadlines = deadlines;
    }

    /** The deadline for the agency's report of that year. */
    public LocalDate deadline(String agency, int year) {
        return deadlines.deadlineFor(agency, year);
    }

    /** A finding if the deadline has passed by {@code today} (the report is known to be absent). */
    public Optional<Finding> check(String agency, int year, LocalDate today) {
        LocalDate deadline = deadline(agency, year);
        if (!today.isAfter(deadline)) {
            return Optional.empty();
        }
        return Optional.of(finding(Place.document(), year + "年度报告（不晚于 " + deadline + "）", "未收到",
                "名录中的机关" + year + "年度报告的发布期限 " + deadline + " 已过，尚未收到该报告。",
                "The agency is on the roster and its " + year + " report was due by " + deadline + ", but none has been received."));
    }
}
