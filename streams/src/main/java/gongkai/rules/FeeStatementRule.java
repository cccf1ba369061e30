package gongkai.rules;

import static gongkai.avro.Severity.WARNING;

import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.avro.TemplateVersion;
import gongkai.report.Place;

/**
 * R-FEE-01: the 2021 format requires section 6 to state the fee figures of information requests (收费通知,
 * 信息处理费). A sentence about 行政事业性收费 (section 2's 第二十条第（八）项) is not that statement.
 */
@RuleSpec(id = "R-FEE-01", kind = "fee", severity = WARNING,
        zh = "2021年格式：第六部分未说明收费情况", en = "2021 format: section 6 does not state the fee figures")
public final class FeeStatementRule implements ReportRule {
    static boolean statesInformationFees(String statement) {
        if (Text.isBlank(statement)) {
            return false;
        }
        String s = statement.replaceAll("[\\s\\u00A0\\u3000]", "");
        return s.contains("收费通知") || s.contains("信息处理费") || s.contains("实际收取") || !s.contains("行政事业性收费") && s.contains("收费");
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        if (report.getTemplate() != TemplateVersion.T2021 || statesInformationFees(report.getFeeStatement())) {
            return List.of();
        }
        return List.of(finding(Place.section(6), "发出收费通知的件数和总金额以及实际收取的总金额", "未找到",
                "第六部分未说明收费情况（发出收费通知的件数和总金额以及实际收取的总金额），2021年格式要求写明。",
                "Section 6 does not state the fee figures (number and amount of fee notices issued, amount actually "
                        + "collected), which the 2021 format requires."));
    }
}
