package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import gongkai.avro.DisclosureReport;
import gongkai.avro.SectionHeading;
import gongkai.report.Place;

/** R-SEC-01: all six sections of the prescribed format must be there. */
@RuleSpec(id = "R-SEC-01", kind = "section", severity = ERROR,
        zh = "缺少六个部分之一", en = "one of the six sections is missing")
public final class SectionsPresentRule implements ReportRule {
    @Override
    public List<Finding> check(DisclosureReport report) {
        Set<Integer> present = report.getSections().stream().map(SectionHeading::getNumber).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            if (!present.contains(n)) {
                String heading = Text.numeral(n) + "、" + Text.sectionTitle(n);
                findings.add(finding(Place.section(n), heading, "未找到",
                        "缺少" + Place.section(n).zh() + "“" + heading + "”。",
                        "Section " + n + " (" + Text.sectionTitleEn(n) + ") is missing."));
            }
        }
        return findings;
    }
}
