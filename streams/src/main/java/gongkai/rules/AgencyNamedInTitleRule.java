package gongkai.rules;

import static gongkai.avro.Severity.WARNING;

import java.util.List;

import gongkai.avro.AgencySource;
import gongkai.avro.DisclosureReport;
import gongkai.report.Place;

/** R-ID-01: the title must name the agency; a name taken from the body or the source is a guess. */
@RuleSpec(id = "R-ID-01", kind = "identity", severity = WARNING,
        zh = "标题未写明机关名称（机关名称系从正文或来源信息推断）", en = "title does not name the agency (inferred from body or source metadata)")
public final class AgencyNamedInTitleRule implements ReportRule {
    @Override
    public List<Finding> check(DisclosureReport report) {
        if (report.getAgencySource() == AgencySource.TITLE) {
            return List.of();
        }
        String title = Text.plain(report.getTitle());
        String agency = Text.plain(report.getAgency());
        boolean body = report.getAgencySource() == AgencySource.BODY;
        return List.of(finding(Place.document(), agency, title,
                "标题“" + title + "”未写明机关名称；机关“" + agency + "”系从" + (body ? "正文" : "来源信息") + "推断。",
                "The title \"" + title + "\" does not name the agency; \"" + agency + "\" was inferred from "
                        + (body ? "the body text" : "the source metadata") + "."));
    }
}
