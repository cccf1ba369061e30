package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.ReviewGroupKind;
import gongkai.avro.Severity;

/** R-REV-02: 结果纠正 must not exceed 总计 in any section-4 group. */
class ReviewCorrectedRuleTest {

    @Test
    void correctedAboveTheTotalIsReportedWhereItIsWithBothFigures() {
        var report = TestReports.clean2021().review(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 0L, 5L, 0L, 0L, 2L).build();
        Finding f = single(new ReviewCorrectedRule().check(report), "R-REV-02", "4/ADMINISTRATIVE_REVIEW/结果纠正", "≤ 2", "5");
        assertEquals("第四部分行政复议“结果纠正”为 5，大于本组“总计” 2；结果纠正的件数不能超过总数。", f.messageZh());
        assertEquals("Section 4, administrative review, corrected is 5, more than the group's total of 2; the corrected cases"
                + " cannot outnumber all cases.", f.messageEn());
        assertEquals(-3L, f.delta());
        assertEquals(List.of("总计=2", "结果纠正=5"),
                List.of(f.left().get(0).getColumn() + "=" + f.left().get(0).getValue(), f.right().get(0).getColumn() + "=" + f.right().get(0).getValue()));
    }

    @Test
    void everyLitigationGroupIsCheckedToo() {
        var report = TestReports.clean2021().review(ReviewGroupKind.LITIGATION_DIRECT, 0L, 3L, 0L, 0L, 1L)
                .review(ReviewGroupKind.LITIGATION_AFTER_REVIEW, 0L, 4L, 0L, 0L, 0L).build();
        assertEquals(List.of("4/LITIGATION_DIRECT/结果纠正", "4/LITIGATION_AFTER_REVIEW/结果纠正"),
                Findings.keys(new ReviewCorrectedRule().check(report)));
    }

    @Test
    void correctedUpToTheTotalOrABlankIsNotReported() {
        var report = TestReports.clean2021().review(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 0L, 2L, 0L, 0L, 2L)
                .review(ReviewGroupKind.LITIGATION_DIRECT, 0L, 3L, 0L, 0L, null)
                .review(ReviewGroupKind.LITIGATION_AFTER_REVIEW, 1L, null, 0L, 0L, 1L).build();
        assertEquals(List.of(), new ReviewCorrectedRule().check(report));
    }

    @Test
    void theCatalogRunsItAsAnErrorOfKindReviewTotal() {
        var report = TestReports.clean2021().review(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 0L, 5L, 0L, 0L, 2L).build();
        List<Finding> findings = new RuleCatalog().checkReport(report).stream().filter(f -> f.ruleId().equals("R-REV-02")).toList();
        assertEquals(1, findings.size(), Findings.describe(findings));
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("review-total", findings.get(0).kind());
        assertEquals("a section-4 group's corrected count exceeds its total", RuleCatalog.info("R-REV-02").orElseThrow().descriptionEn());
    }
}
