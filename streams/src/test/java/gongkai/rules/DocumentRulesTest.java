package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.AgencySource;
import gongkai.avro.Numbering;
import gongkai.avro.TemplateVersion;

/** R-ID-01, R-SEC-01, R-SEC-02, R-TPL-01, R-FEE-01. */
class DocumentRulesTest {

    @Test
    void agencyInferredFromBodyIsReportedWithTitleAndAgency() {
        var report = TestReports.clean2019().agencyFrom(AgencySource.BODY, "2020年政府信息公开工作年度报告").build();
        Finding f = single(new AgencyNamedInTitleRule().check(report), "R-ID-01", "0", TestReports.AGENCY,
                "2020年政府信息公开工作年度报告");
        assertTrue(f.messageZh().contains("正文"), f.messageZh());
        assertTrue(f.messageEn().contains("body text"), f.messageEn());
    }

    @Test
    void agencyFromSourceMetadataIsReportedToo() {
        var report = TestReports.clean2021().agencyFrom(AgencySource.METADATA, "政府信息公开工作年度报告").build();
        Finding f = single(new AgencyNamedInTitleRule().check(report), "R-ID-01", "0", TestReports.AGENCY,
                "政府信息公开工作年度报告");
        assertTrue(f.messageEn().contains("source metadata"), f.messageEn());
    }

    @Test
    void eachMissingSectionIsOneFinding() {
        var report = TestReports.clean2021().removeSection(3).removeSection(6).build();
        List<Finding> findings = new SectionsPresentRule().check(report);
        assertEquals(List.of("3", "6"), Findings.keys(findings));
        Findings.assertFinding(findings.get(0), "R-SEC-01", "3", "三、收到和处理政府信息公开申请情况", "未找到");
        Findings.assertFinding(findings.get(1), "R-SEC-01", "6", "六、其他需要报告的事项", "未找到");
    }

    @Test
    void arabicAndMissingNumberingAreReportedPerSection() {
        var report = TestReports.clean2021().heading(2, Numbering.ARABIC, "2、\u00A0主动公开政府信息情况")
                .heading(6, Numbering.NONE, "其他需要报告的事项").build();
        List<Finding> findings = new SectionNumberingRule().check(report);
        assertEquals(2, findings.size(), Findings.describe(findings));
        Findings.assertFinding(findings.get(0), "R-SEC-02", "2", "二、", "2、 主动公开政府信息情况");
        Findings.assertFinding(findings.get(1), "R-SEC-02", "6", "六、", "其他需要报告的事项");
        assertTrue(findings.get(1).messageZh().contains("没有编号"), findings.get(1).messageZh());
    }

    @Test
    void format2019ForA2021ReportIsReported() {
        var report = TestReports.clean2021().template(TemplateVersion.T2019).build();
        single(new TemplateFitsYearRule().check(report), "R-TPL-01", "2", "T2021", "T2019");
    }

    @Test
    void format2021ForA2020ReportIsReported() {
        var report = TestReports.clean2021().year(2020).build();
        Finding f = single(new TemplateFitsYearRule().check(report), "R-TPL-01", "2", "T2019", "T2021");
        assertTrue(f.messageZh().startsWith("2020年度报告使用了2021年格式"), f.messageZh());
    }

    @Test
    void format2021IsRightForLaterYears() {
        assertEquals(List.of(), new TemplateFitsYearRule().check(TestReports.clean2021().year(2025).build()));
    }

    @Test
    void missingFeeStatementIn2021FormatIsReported() {
        var report = TestReports.clean2021().feeStatement(null).build();
        single(new FeeStatementRule().check(report), "R-FEE-01", "6", "发出收费通知的件数和总金额以及实际收取的总金额", "未找到");
    }

    @Test
    void blankFeeStatementCountsAsMissing() {
        var report = TestReports.clean2021().feeStatement(" \u3000").build();
        assertEquals(1, new FeeStatementRule().check(report).size());
    }

    @Test
    void format2019NeedsNoFeeStatement() {
        var report = TestReports.clean2019().feeStatement(null).build();
        assertEquals(List.of(), new FeeStatementRule().check(report));
    }

    @Test
    void sectionFiveSayingOnlyNoneNamesNoProblem() {
        var report = TestReports.clean2021().problems("无。").build();
        Finding f = single(new ProblemsNamedRule().check(report), "R-SEC-03", "5", "写明存在的主要问题（至少 20 字）", "无。");
        assertEquals(gongkai.avro.Severity.INFO, f.severity());
        assertEquals("第五部分“存在的主要问题及改进情况”仅写“无。”（2 字），未写明存在的问题。", f.messageZh());
    }

    @Test
    void aShortSentenceInSectionFiveIsFlaggedAndAParagraphIsNot() {
        assertEquals(1, new ProblemsNamedRule().check(TestReports.clean2021().problems("本年度工作无明显问题。").build()).size());
        assertEquals(List.of(), new ProblemsNamedRule().check(TestReports.clean2021().build()));
        assertEquals(List.of(), new ProblemsNamedRule().check(TestReports.clean2021().problems(null).build()),
                "not judged when the parser kept no text (R-SEC-01 covers a missing section)");
    }

    @Test
    void aSentenceAboutAdministrativeFeesIsNotTheFeeStatement() {
        var report = TestReports.clean2021().feeStatement("第二十条第（八）项行政事业性收费本年收费金额为0万元。").build();
        single(new FeeStatementRule().check(report), "R-FEE-01", "6", "发出收费通知的件数和总金额以及实际收取的总金额", "未找到");
        assertEquals(List.of(), new FeeStatementRule().check(TestReports.clean2021().feeStatement("本年度未收取信息处理费。").build()));
    }
}
