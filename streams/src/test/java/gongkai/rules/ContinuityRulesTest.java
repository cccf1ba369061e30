package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import gongkai.report.RequestTable;

/** R-CONT-01, R-CONT-02, R-CONT-03. The 2020 report carried forward 2, 1, 0, 0, 0, 0 (total 3). */
class ContinuityRulesTest {

    /** Another column is broken, so the rule does run and report; the matching column must stay out of it. */
    @ParameterizedTest(name = "column {0} matching")
    @CsvSource({"0", "1", "2", "3", "4", "5", "6"})
    void carryOverMatchingInAColumnIsSilent(int column) {
        int broken = (column + 1) % 7;
        var previous = TestReports.clean2019().build();
        var current = TestReports.clean2021().cell("CARRIED_OVER", broken, 9).build();
        assertEquals(List.of("3/CARRIED_OVER/" + RequestTable.COLUMNS.get(broken)),
                Findings.keys(new CarryOverContinuityRule().check(previous, current)));
    }

    @ParameterizedTest(name = "column {0}: carried forward {1}, carried over {2}")
    @CsvSource({"0, 2, 3", "1, 1, 0", "2, 0, 1", "3, 0, 4", "4, 0, 1", "5, 0, 2", "6, 3, 5"})
    void carryOverMismatchingInAColumnIsReportedThere(int column, long carriedForward, long carriedOver) {
        var previous = TestReports.clean2019().build();
        var current = TestReports.clean2021().cell("CARRIED_OVER", column, carriedOver).build();
        single(new CarryOverContinuityRule().check(previous, current), "R-CONT-01",
                "3/CARRIED_OVER/" + RequestTable.COLUMNS.get(column), Long.toString(carriedForward), Long.toString(carriedOver));
    }

    @Test
    void carryOverMessageNamesBothReports() {
        var previous = TestReports.clean2019().build();
        var current = TestReports.clean2021().cell("CARRIED_OVER", 0, 13).build();
        Finding f = new CarryOverContinuityRule().check(previous, current).get(0);
        assertEquals("第三部分“二、上年结转政府信息公开申请数量”行“自然人”列：本年为 13，但2020年度报告“四、结转下年度继续办理”为 2。",
                f.messageZh());
        assertEquals("Section 3, row 二 carried over, column natural persons: this report says 13, but the 2020 report carried forward 2.",
                f.messageEn());
    }

    @Test
    void blankLastYearCountsAsZero() {
        var previous = TestReports.clean2019().blank("CARRY_FORWARD", 0).build();
        var current = TestReports.clean2021().build();
        single(new CarryOverContinuityRule().check(previous, current), "R-CONT-01", "3/CARRIED_OVER/自然人", "0", "2");
    }

    @Test
    void withoutPreviousReportOnlyTheMissingYearIsReported() {
        var current = TestReports.clean2021().build();
        assertEquals(List.of(), new CarryOverContinuityRule().check(null, current));
        assertEquals(List.of(), new ValidDocumentCountContinuityRule().check(null, current));
        Finding f = single(new PreviousYearMissingRule().check(null, current), "R-CONT-03", "0", "2020年度报告", "未收到");
        assertTrue(f.messageZh().contains("尚未收到2020年度报告"), f.messageZh());
    }

    @Test
    void validRegulationsNotFollowingFromLastYearAreReported() {
        // 2021: 行政规范性文件 valid 12; 2022 issued 2, repealed 1, so 13 expected.
        var previous = TestReports.clean2021().build();
        var current = TestReports.clean2022().activeCell("规范性文件", "现行有效件数", "14").build();
        Finding f = single(new ValidDocumentCountContinuityRule().check(previous, current), "R-CONT-02",
                "2/行政规范性文件/现行有效件数", "13", "14");
        assertEquals("第二部分“行政规范性文件”行“现行有效件数”列：2021年现行有效件数 12 + 本年制发件数 2 − 本年废止件数 1 = 13，但本年现行有效件数为 14。",
                f.messageZh());
    }

    @Test
    void validRulesNotFollowingFromLastYearAreReported() {
        var previous = TestReports.clean2021().activeCell("规章", "现行有效件数", "5").build();
        var current = TestReports.clean2022().build();
        single(new ValidDocumentCountContinuityRule().check(previous, current), "R-CONT-02", "2/规章/现行有效件数", "6", "3");
    }

    @Test
    void validCountIsOnlyComparedBetweenTwo2021FormatReports() {
        var previous = TestReports.clean2019().build();
        var current = TestReports.clean2021().activeCell("规章", "现行有效件数", "99").build();
        assertEquals(List.of(), new ValidDocumentCountContinuityRule().check(previous, current));
    }

    @Test
    void catalogRefusesAPreviousReportOfAnotherYear() {
        var catalog = new RuleCatalog();
        var current = TestReports.clean2022().build();
        assertThrows(IllegalArgumentException.class, () -> catalog.checkContinuity(TestReports.clean2019().build(), current));
    }
}
