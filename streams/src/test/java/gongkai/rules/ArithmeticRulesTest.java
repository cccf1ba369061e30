package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.ReviewGroupKind;

/** R-BAL-01, R-ROW-01, R-SUB-01, R-REV-01 (column indexes as in RequestTable.COLUMNS, 6 = 总计). */
class ArithmeticRulesTest {

    @Test
    void balanceIsCheckedPerColumn() {
        // 一 says 12 natural persons (total 18) but nothing else changed.
        var report = TestReports.clean2021().cell("NEW", 0, 12).cell("NEW", 6, 18).build();
        List<Finding> findings = new RequestBalanceRule().check(report);
        assertEquals(List.of("3/自然人", "3/总计"), Findings.keys(findings));
        Findings.assertFinding(findings.get(0), "R-BAL-01", "3/自然人", "14", "13");
        Finding total = findings.get(1);
        Findings.assertFinding(total, "R-BAL-01", "3/总计", "21", "20");
        assertEquals("第三部分“总计”列：本年新收 18 + 上年结转 3 = 21，但办理结果总计 17 + 结转下年度 3 = 20，两者应相等。",
                total.messageZh());
        assertEquals("Section 3, column total: new 18 + carried over 3 = 21, but results total 17 + carried forward 3 = 20;"
                + " the two must be equal.", total.messageEn());
    }

    @Test
    void blankCountsAsZeroInTheBalanceAndTheMessageSaysSo() {
        // 商业企业: 新收 5 + 结转 1 = 6 against 4 + a blank: the blank cannot explain a left side that is too small.
        var report = TestReports.clean2021().blank("CARRY_FORWARD", 1).cell("NEW", 1, 2).build();
        Finding f = single(new RequestBalanceRule().check(report), "R-BAL-01", "3/商业企业", "3", "4");
        assertTrue(f.messageZh().contains("空白按 0 计"), f.messageZh());
        assertTrue(f.messageEn().contains("blank cells counted as 0"), f.messageEn());
    }

    @Test
    void aBalanceThatFailsOnlyBecauseOfABlankIsLeftToTheBlankCellNote() {
        var report = TestReports.clean2021().blank("CARRY_FORWARD", 1).build();
        assertEquals(List.of(), new RequestBalanceRule().check(report));
        assertTrue(new BlankCellRule().check(report).get(0).messageZh().contains("“商业企业”列 新收 + 上年结转 = 办理结果总计 + 结转下年度（R-BAL-01，差 1，空白：“四、结转下年度继续办理”行“商业企业”列）"));
    }

    @Test
    void anArithmeticAlertCarriesTheCellsOnEachSideAndTheDelta() {
        var report = TestReports.clean2021().cell("NEW", 0, 12).cell("NEW", 6, 18).build();
        Finding f = new RequestBalanceRule().check(report).get(0);
        assertEquals(1L, f.delta());
        assertEquals(List.of("NEW/自然人=12", "CARRIED_OVER/自然人=2"),
                f.left().stream().map(c -> c.getRow() + "/" + c.getColumn() + "=" + c.getValue()).toList());
        assertEquals(List.of("RESULT_TOTAL/自然人=11", "CARRY_FORWARD/自然人=2"),
                f.right().stream().map(c -> c.getRow() + "/" + c.getColumn() + "=" + c.getValue()).toList());
        Finding row = single(new RowTotalRule().check(TestReports.clean2021().cell("NEW", 6, 18).build()), "R-ROW-01", "3/NEW/总计", "17", "18");
        assertEquals(-1L, row.delta());
        assertEquals(6, row.left().size());
        assertEquals(18L, row.right().get(0).getValue());
    }

    @Test
    void blankWhereZeroBelongsKeepsTheBalance() {
        var report = TestReports.clean2021().blank("NEW", 2).blank("RESULT_TOTAL", 2).build();
        assertEquals(List.of(), new RequestBalanceRule().check(report));
    }

    @Test
    void tableWithoutCarryForwardRowIsNotCalledUnbalanced() {
        var report = TestReports.clean2021().removeRow("CARRY_FORWARD").build();
        assertEquals(List.of(), new RequestBalanceRule().check(report));
    }

    @Test
    void rowTotalDifferingFromItsColumnsIsReported() {
        var report = TestReports.clean2021().cell("NEW", 6, 18).build();
        Finding f = single(new RowTotalRule().check(report), "R-ROW-01", "3/NEW/总计", "17", "18");
        assertEquals("第三部分“一、本年新收政府信息公开申请数量”行“总计”列：六类申请人合计 11 + 4 + 0 + 1 + 1 + 0 = 17，但“总计”列为 18，两者应相等。",
                f.messageZh());
    }

    @Test
    void subRowIsNamedWithItsGroup() {
        var report = TestReports.clean2021().cell("WITHHELD_4", 0, 2).build();
        Finding f = single(new RowTotalRule().check(report), "R-ROW-01", "3/WITHHELD_4/总计", "2", "1");
        assertTrue(f.messageZh().startsWith("第三部分“（三）不予公开 4.原因”行"), f.messageZh());
        assertTrue(f.messageEn().startsWith("Section 3, row 三(三)4 withheld, column total:"), f.messageEn());
    }

    @Test
    void blankTotalOfANonEmptyRowIsNotAWrongTotal() {
        var report = TestReports.clean2021().blank("DISCLOSED", 6).build();
        assertEquals(List.of(), new RowTotalRule().check(report), "the blank-cell note names it (CellRulesTest)");
    }

    @Test
    void aBlankOnTheSideThatIsTooLargeCannotExplainTheRowTotal() {
        // 自然人 left blank, but the other parts already sum to more than the total: no figure there could fix it.
        var report = TestReports.clean2021().blank("DISCLOSED", 0).cell("DISCLOSED", 6, 3).build();
        Finding f = single(new RowTotalRule().check(report), "R-ROW-01", "3/DISCLOSED/总计", "4", "3");
        assertEquals(1L, f.delta());
    }

    @Test
    void resultTotalDifferingFromResultRowsIsReportedPerColumn() {
        // One more disclosed to a natural person, row total kept consistent, （七）总计 not updated.
        var report = TestReports.clean2021().cell("DISCLOSED", 0, 6).cell("DISCLOSED", 6, 10).build();
        List<Finding> findings = new ResultSubtotalRule().check(report);
        assertEquals(List.of("3/RESULT_TOTAL/自然人", "3/RESULT_TOTAL/总计"), Findings.keys(findings));
        Findings.assertFinding(findings.get(0), "R-SUB-01", "3/RESULT_TOTAL/自然人", "12", "11");
        Findings.assertFinding(findings.get(1), "R-SUB-01", "3/RESULT_TOTAL/总计", "18", "17");
    }

    @Test
    void the2021OtherRowsCountInTheSubtotal() {
        var report = TestReports.clean2021().cell("OTHER_3", 5, 2).cell("OTHER_3", 6, 2).build();
        List<Finding> findings = new ResultSubtotalRule().check(report);
        assertEquals(List.of("3/RESULT_TOTAL/其他", "3/RESULT_TOTAL/总计"), Findings.keys(findings));
        Findings.assertFinding(findings.get(0), "R-SUB-01", "3/RESULT_TOTAL/其他", "2", "0");
    }

    @Test
    void the2019OtherRowCountsInTheSubtotal() {
        var report = TestReports.clean2019().cell("OTHER", 0, 1).cell("OTHER", 6, 1).build();
        Finding f = new ResultSubtotalRule().check(report).get(0);
        Findings.assertFinding(f, "R-SUB-01", "3/RESULT_TOTAL/自然人", "6", "5");
    }

    @Test
    void reviewTotalDifferingFromItsPartsIsReportedPerGroup() {
        var report = TestReports.clean2021().review(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 1L, 0L, 0L, 1L, 3L)
                .review(ReviewGroupKind.LITIGATION_AFTER_REVIEW, 0L, 0L, 1L, 0L, 0L).build();
        List<Finding> findings = new ReviewTotalRule().check(report);
        assertEquals(2, findings.size(), Findings.describe(findings));
        Findings.assertFinding(findings.get(0), "R-REV-01", "4/ADMINISTRATIVE_REVIEW/总计", "2", "3");
        Findings.assertFinding(findings.get(1), "R-REV-01", "4/LITIGATION_AFTER_REVIEW/总计", "1", "0");
        assertEquals("第四部分行政复议“总计”：结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 2，但“总计”为 3，两者应相等。",
                findings.get(0).messageZh());
    }

    @Test
    void blankReviewPartCountsAsZero() {
        // Parts 1 + 0 + 0 + blank against a total of 0: the blank cannot explain a total that is too small.
        var report = TestReports.clean2021().review(ReviewGroupKind.LITIGATION_DIRECT, null, 1L, 0L, 0L, 0L).build();
        Finding f = single(new ReviewTotalRule().check(report), "R-REV-01", "4/LITIGATION_DIRECT/总计", "1", "0");
        assertEquals(List.of("结果维持", "结果纠正", "其他结果", "尚未审结"), f.left().stream().map(c -> c.getColumn()).toList());
        assertEquals(gongkai.avro.CellKind.BLANK, f.left().get(0).getKind());
    }
}
