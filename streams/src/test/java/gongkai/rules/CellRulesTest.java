package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.ReviewGroupKind;

/** R-CELL-01 and R-CELL-02. */
class CellRulesTest {

    @Test
    void blankRequestCellIsReportedAndSaidToCountAsZero() {
        var report = TestReports.clean2021().blank("CARRIED_OVER", 0).build();
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "3/CARRIED_OVER/自然人", "数字", "空白");
        assertEquals("第三部分“二、上年结转政府信息公开申请数量”行“自然人”列为空白，计算时按 0 处理。", f.messageZh());
        assertEquals("Section 3, row 二 carried over, column natural persons: the cell is blank; it is treated as 0 in the checks.",
                f.messageEn());
    }

    @Test
    void blankReviewCellIsReported() {
        var report = TestReports.clean2021().review(ReviewGroupKind.LITIGATION_DIRECT, 0L, 1L, null, 0L, 1L).build();
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "4/LITIGATION_DIRECT/其他结果", "数字", "空白");
        assertTrue(f.messageZh().contains("行政诉讼（未经复议直接起诉）“其他结果”"), f.messageZh());
    }

    @Test
    void blankActiveDisclosureCellIsReported() {
        var report = TestReports.clean2021().activeCell("行政许可", "本年处理决定数量", "\u3000").build();
        single(new BlankCellRule().check(report), "R-CELL-01", "2/第二十条第（五）项 行政许可/本年处理决定数量", "数字", "空白");
    }

    @Test
    void everyBlankCellOfARowIsItsOwnFinding() {
        var report = TestReports.clean2021().blank("OTHER_3", 0).blank("OTHER_3", 5).blank("OTHER_3", 6).build();
        assertEquals(List.of("3/OTHER_3/自然人", "3/OTHER_3/其他", "3/OTHER_3/总计"),
                Findings.keys(new BlankCellRule().check(report)));
    }

    @Test
    void unreadableCellIsNotCalledBlank() {
        var report = TestReports.clean2021().unreadable("NEW", 1, "四").build();
        assertEquals(List.of(), new BlankCellRule().check(report));
    }

    @Test
    void unreadableRequestCellIsABadNumber() {
        var report = TestReports.clean2021().unreadable("NEW", 1, "四").build();
        Finding f = single(new BadNumberRule().check(report), "R-CELL-02", "3/NEW/商业企业", "非负数", "四");
        assertTrue(f.messageZh().contains("“一、本年新收政府信息公开申请数量”行“商业企业”列"), f.messageZh());
    }

    @Test
    void negativeRequestCellIsABadNumber() {
        var report = TestReports.clean2021().cell("UNABLE_2", 0, -1).build();
        Finding f = single(new BadNumberRule().check(report), "R-CELL-02", "3/UNABLE_2/自然人", "非负数", "-1");
        assertTrue(f.messageZh().contains("“（四）无法提供 2.原因”行"), f.messageZh());
        assertTrue(f.messageEn().contains("row 三(四)2 unable to provide"), f.messageEn());
    }

    @Test
    void negativeReviewCellIsABadNumber() {
        var report = TestReports.clean2021().review(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 1L, 0L, 0L, -1L, 0L).build();
        single(new BadNumberRule().check(report), "R-CELL-02", "4/ADMINISTRATIVE_REVIEW/尚未审结", "非负数", "-1");
    }

    @Test
    void negativeActiveDisclosureCountIsABadNumber() {
        var report = TestReports.clean2021().activeCell("行政处罚", "本年处理决定数量", "-417").build();
        single(new BadNumberRule().check(report), "R-CELL-02", "2/第二十条第（六）项 行政处罚/本年处理决定数量", "非负数", "-417");
    }

    @Test
    void decreaseIn2019ChangeColumnIsNotABadNumberButTextIs() {
        var report = TestReports.clean2019().activeCell("行政许可", "本年增/减", "-3")
                .activeCell("行政许可", "处理决定数量", "若干").build();
        single(new BadNumberRule().check(report), "R-CELL-02", "2/第二十条第（五）项 行政许可/处理决定数量", "非负数", "若干");
    }

    @Test
    void parserWarningByPrintedLabelLandsOnTheSameCellAsTheDataFinding() {
        var report = TestReports.clean2021().unreadable("NEW", 1, "4件")
                .warning("BAD_NUMBER", 3, "一、本年新收政府信息公开申请数量", "商业\n企业", "not a number: 4件")
                .warning("BAD_NUMBER", 3, "NEW", "商业企业", "not a number: 4件").build();
        single(new BadNumberRule().check(report), "R-CELL-02", "3/NEW/商业企业", "非负数", "4件");
    }

    @Test
    void parserWarningOnACellThatLooksFineIsStillReported() {
        var report = TestReports.clean2021()
                .warning("BAD_NUMBER", 2, "行政强制", "本年处理决定数量", "ambiguous digits").build();
        single(new BadNumberRule().check(report), "R-CELL-02", "2/第二十条第（六）项 行政强制/本年处理决定数量", "非负数", "0");
    }

    @Test
    void parserWarningOutsideTheTablesKeepsItsOwnPlace() {
        var report = TestReports.clean2021().warning("BAD_NUMBER", 4, "行政复议", "总计", "无法识别：十").build();
        single(new BadNumberRule().check(report), "R-CELL-02", "4/行政复议/总计", "非负数", "无法识别：十");
    }

    @Test
    void otherParserWarningsAreNotBadNumbers() {
        var report = TestReports.clean2021().warning("BLANK_CELL", 3, "NEW", "其他", "blank")
                .warning("IRREGULAR_NUMBERING", 2, null, null, "2、").build();
        assertEquals(List.of(), new BadNumberRule().check(report));
    }
}
