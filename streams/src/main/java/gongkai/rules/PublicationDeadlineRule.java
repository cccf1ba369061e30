package gongkai.rules;

import static gongkai.avro.Severity.WARNING;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.report.Place;

/** R-DL-01: published after the deadline for the agency's level (needs the publication date the source showed). */
@RuleSpec(id = "R-DL-01", kind = "deadline", severity = WARNING,
        zh = "晚于本级报送期限发布", en = "published after the deadline for its level")
public final class PublicationDeadlineRule implements ReportRule {
    private final PublicationDeadline deadlines;

    public PublicationDeadlineRule(PublicationDeadline deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        String shown = report.getVersion().getPublishedAt();
        if (Text.isBlank(shown)) {
            return List.of();
        }
        LocalDate published;
        try {
            published = LocalDate.parse(shown.trim());
        } catch (DateTimeParseException e) {
            return List.of();
        }
        LocalDate deadline = deadlines.deadlineFor(report.getAgency(), report.getYear());
        if (!published.isAfter(deadline)) {
            return List.of();
        }
        PublicationDeadline.Level level = PublicationDeadline.levelOf(report.getAgency());
        String levelZh = switch (level) {
            case TOWNSHIP -> "乡镇（街道）";
            case DEPARTMENT -> "县级以上人民政府部门";
            case GOVERNMENT -> "县级以上人民政府";
        };
        String levelEn = switch (level) {
            case TOWNSHIP -> "township";
            case DEPARTMENT -> "county-level-or-higher department";
            case GOVERNMENT -> "county-level-or-higher government";
        };
        return List.of(finding(Place.document(), "不晚于 " + deadline, published.toString(),
                report.getYear() + "年度报告于 " + published + " 发布，晚于" + levelZh + "的报送期限 " + deadline + "。",
                "The " + report.getYear() + " report was published on " + published + ", after the " + levelEn
                        + " deadline of " + deadline + "."));
    }
}
