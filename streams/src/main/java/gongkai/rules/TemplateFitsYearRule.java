package gongkai.rules;

import static gongkai.avro.Severity.WARNING;

import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.avro.TemplateVersion;
import gongkai.report.Place;

/** R-TPL-01: reports for 2021 on use the 2021 format (国办公开办函〔2021〕30号), reports for 2019/2020 the 2019 one. */
@RuleSpec(id = "R-TPL-01", kind = "template", severity = WARNING,
        zh = "表格格式与年度不符", en = "table template does not fit the report year")
public final class TemplateFitsYearRule implements ReportRule {
    @Override
    public List<Finding> check(DisclosureReport report) {
        int year = report.getYear();
        TemplateVersion expected = year >= 2021 ? TemplateVersion.T2021 : TemplateVersion.T2019;
        if (report.getTemplate() == expected) {
            return List.of();
        }
        String used = report.getTemplate() == TemplateVersion.T2021 ? "2021" : "2019";
        String rule = year >= 2021 ? "2021年及以后的年度报告应使用2021年格式（国办公开办函〔2021〕30号）"
                : "2019、2020年度报告应使用2019年格式";
        String ruleEn = year >= 2021 ? "reports for 2021 and later must use the 2021 format" : "reports for 2019 and 2020 use the 2019 format";
        // Section 2 is where the template shows (its column headers identify it).
        return List.of(finding(Place.section(2), expected.name(), report.getTemplate().name(),
                year + "年度报告使用了" + used + "年格式的表格，" + rule + "。",
                "The report for " + year + " uses the " + used + " table format; " + ruleEn + "."));
    }
}
