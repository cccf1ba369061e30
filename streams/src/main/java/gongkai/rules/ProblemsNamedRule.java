package gongkai.rules;

import java.util.List;

import gongkai.avro.DisclosureReport;

/**
 * R-SEC-03: section 五 (存在的主要问题及改进情况) that names no problem: only "无", or a sentence under 20 characters.
 * Inspections flag such reports. A missing section is R-SEC-01's business, and a report parsed before the parser
 * kept this text (null) is not judged.
 */
public final class ProblemsNamedRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.SEC_03;
    static final int MIN_CHARS = 20;

    @Override
    public String id() {
        return INFO.id();
    }

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
        return List.of(INFO.finding(Location.section(5), "写明存在的主要问题（至少 " + MIN_CHARS + " 字）", plain.isEmpty() ? "空白" : plain,
                "第五部分“存在的主要问题及改进情况”仅写" + quoted + "（" + length + " 字），未写明存在的问题。",
                "Section 5 (main problems and improvements) says only " + (plain.isEmpty() ? "nothing" : "\"" + plain + "\"")
                        + " (" + length + " characters): it names no problem."));
    }
}
