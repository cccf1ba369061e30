package gongkai.rules;

import java.util.List;

import gongkai.avro.AgencySource;
import gongkai.avro.DisclosureReport;

/** R-ID-01: the title must name the agency; a name taken from the body or the source is a guess. */
public final class AgencyNamedInTitleRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.ID_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        if (report.getAgencySource() == AgencySource.TITLE) {
            return List.of();
        }
        String title = Text.plain(report.getTitle());
        String agency = Text.plain(report.getAgency());
        boolean body = report.getAgencySource() == AgencySource.BODY;
        return List.of(INFO.finding(Location.document(), agency, title,
                "标题“" + title + "”未写明机关名称；机关“" + agency + "”系从" + (body ? "正文" : "来源信息") + "推断。",
                "The title \"" + title + "\" does not name the agency; \"" + agency + "\" was inferred from "
                        + (body ? "the body text" : "the source metadata") + "."));
    }
}
