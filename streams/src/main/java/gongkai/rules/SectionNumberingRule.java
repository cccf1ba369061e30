package gongkai.rules;

import static gongkai.avro.Severity.INFO;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import gongkai.avro.DisclosureReport;
import gongkai.avro.Numbering;
import gongkai.avro.SectionHeading;
import gongkai.report.Place;

/** R-SEC-02: headings numbered "2、" or not at all instead of "二、". */
@RuleSpec(id = "R-SEC-02", kind = "section", severity = INFO,
        zh = "部分标题编号不规范（如“2、”代替“二、”或无编号）", en = "section numbering irregular (\"2、\" for \"二、\", or unnumbered)")
public final class SectionNumberingRule implements ReportRule {
    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (SectionHeading heading : report.getSections()) {
            int n = heading.getNumber();
            if (heading.getNumbering() == Numbering.CHINESE || n < 1 || n > 6 || !seen.add(n)) {
                continue;
            }
            String expected = Text.numeral(n) + "、";
            String printed = Text.plain(heading.getHeading());
            boolean arabic = heading.getNumbering() == Numbering.ARABIC;
            findings.add(finding(Place.section(n), expected, printed,
                    Place.section(n).zh() + "标题“" + printed + "”" + (arabic ? "使用阿拉伯数字编号" : "没有编号")
                            + "，应为“" + expected + Text.sectionTitle(n) + "”。",
                    "The heading of section " + n + " \"" + printed + "\" is "
                            + (arabic ? "numbered with Arabic numerals" : "unnumbered") + "; expected \"" + expected
                            + Text.sectionTitle(n) + "\"."));
        }
        return findings;
    }
}
