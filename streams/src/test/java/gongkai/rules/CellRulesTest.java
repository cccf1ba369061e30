package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.ReviewGroupKind;
import gongkai.avro.Severity;

/** R-CELL-01 and R-CELL-02. */
class CellRulesTest {

    @Test
    void blankRequestCellIsNotedOnceForTheTableAtInfo() {
        var report = TestReports.clean2021().blank("CARRIED_OVER", 2).build();
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "3", "每格填写数字", "空白 1 格，零记号 0 格");
        assertEquals(Severity.INFO, f.severity());
        assertEquals("第三部分表格：空白 1 格，计算时按 0 处理（“二、上年结转政府信息公开申请数量”行“科研机构”列）。", f.messageZh());
        assertEquals("Section 3 table: 1 blank cell(s), counted as 0 (row 二 carried over, column research institutions).", f.messageEn());
        assertEquals(List.of("CARRIED_OVER/科研机构/BLANK"), cells(f));
    }

    @Test
    void zeroNotationsAreNotedWithWhatTheyWereReadAs() {
        var report = TestReports.clean2021().zeroNotation("WITHHELD_1", 0, "—").zeroNotation("WITHHELD_2", 0, "/").build();
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "3", "每格填写数字", "空白 0 格，零记号 2 格");
        assertTrue(f.messageZh().contains("以“—”“/”表示 0 的 2 格"), f.messageZh());
        assertEquals(List.of("WITHHELD_1/自然人/ZERO_NOTATION", "WITHHELD_2/自然人/ZERO_NOTATION"), cells(f));
        assertEquals(List.of(), new RowTotalRule().check(report), "a dash is a 0 that adds up");
    }

    @Test
    void aTotalLeftBlankIsNamedByTheNoteNotReportedAsAWrongTotal() {
        var report = TestReports.clean2021().blank("DISCLOSED", 6).build();
        assertEquals(List.of(), new RowTotalRule().check(report));
        assertEquals(List.of(), new ResultSubtotalRule().check(report));
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "3", "每格填写数字", "空白 1 格，零记号 0 格，2 个等式因空白不成立");
        assertEquals(Severity.WARNING, f.severity(), "a check depends on the blank");
        assertTrue(f.messageZh().contains("以下等式仅因空白格不成立，填写数字即可成立：“（一）予以公开”行 六类申请人之和 = 总计（R-ROW-01，差 9，空白：“（一）予以公开”行“总计”列）"),
                f.messageZh());
        assertTrue(f.messageEn().contains("row 三(一) disclosed six applicant columns = total (R-ROW-01, off by 9, blank: row 三(一) disclosed, column total)"), f.messageEn());
    }

    @Test
    void blankReviewCellIsNotedForSection4() {
        var report = TestReports.clean2021().review(ReviewGroupKind.LITIGATION_DIRECT, 0L, 1L, null, 0L, 1L).build();
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "4", "每格填写数字", "空白 1 格，零记号 0 格");
        assertTrue(f.messageZh().contains("行政诉讼（未经复议直接起诉）“其他结果”"), f.messageZh());
        assertEquals(Severity.INFO, f.severity(), "the total holds without it");
    }

    @Test
    void blankActiveDisclosureCellIsNotedForSection2() {
        var report = TestReports.clean2021().activeCell("行政许可", "本年处理决定数量", "\u3000").build();
        Finding f = single(new BlankCellRule().check(report), "R-CELL-01", "2", "每格填写数字", "空白 1 格，零记号 0 格");
        assertEquals(List.of("第二十条第（五）项 行政许可/本年处理决定数量/BLANK"), cells(f));
    }

    @Test
    void aReportWithMoreThanAHundredBlankCellsGetsOneNotePerTable() {
        // Like a real 2019 city report: only the rows with requests are filled in, every other cell and every
        // sub-row 总计 left blank (140 blank cells).
        TestReports builder = TestReports.clean2019();
        int blanks = 0;
        for (String code : gongkai.report.RequestTable.rowCodes(gongkai.avro.TemplateVersion.T2019)) {
            for (int c = 0; c < 7; c++) {
                boolean filled = List.of("NEW", "CARRIED_OVER", "DISCLOSED", "PARTIAL", "NOT_PROCESSED_1", "RESULT_TOTAL", "CARRY_FORWARD")
                        .contains(code) && (c == 0 || c == 1 || c == 6);
                if (!filled) {
                    builder.blank(code, c);
                    blanks++;
                }
            }
        }
        builder.review(ReviewGroupKind.LITIGATION_AFTER_REVIEW, null, null, null, null, null);
        var report = builder.build();
        assertEquals(140, blanks);
        List<Finding> all = new RuleCatalog().checkReport(report);
        assertEquals(List.of("R-CELL-01@3", "R-CELL-01@4"), all.stream().map(f -> f.ruleId() + "@" + f.place().key()).toList(),
                Findings.describe(all));
        assertEquals(blanks, all.get(0).left().size(), "the note lists every blank cell");
        assertTrue(all.get(0).messageZh().contains("等，另 "), "the message names ten and counts the rest");
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

    private static List<String> cells(Finding f) {
        return f.left().stream().map(c -> c.getRow() + "/" + c.getColumn() + "/" + c.getKind()).toList();
    }
}
