package gongkai.rules;

import static gongkai.avro.Severity.INFO;

import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.report.Place;

/**
 * R-SEC-03: section 五 (存在的主要问题及改进情况) that names no problem: only "无", or a sentence under 20 characters.
 * Inspections flag such reports. A missing section is R-SEC-01's business, and a report parsed before the parser
 * kept this text (null) is not judged.
 */
@RuleSpec(id = "R-SEC-03", kind = "section", severity = INFO,
        zh = "第五部分未写明存在的问题（仅“无”或不足20字）", en = "section 5 names no problem (only \"无\", or under 20 characters)")
public final class ProblemsNamedRule implements ReportRule {
    static final int MIN_CHARS = 20;

    @Override
    public List<Finding> check(DisclosureReport report) {
        String text = report.getProblemsStatement();
        if (text == null) {
            return List.of();
        }
        String plain = Text.plain(text);
        int length = plain.replace(" ", "").length();
        if (length >= MIN_CHARS) {
            return List.of();
        }
        String quoted = plain.isEmpty() ? "（空）" : "“" + plain + "”";
        return List.of(finding(Place.section(5), "写明存在的主要问题（至少 " + MIN_CHARS + " 字）", plain.isEmpty() ? "空白" : plain,
                "第五部分“存在的主要问题及改进情况”仅写" + quoted + "（" + length + " 字），未写明存在的问题。",
                "Section 5 (main problems and improvements) says only " + (plain.isEmpty() ? "nothing" : "\"" + plain + "\"")
                        + " (" + length + " characters): it names no problem."));
    }
}
