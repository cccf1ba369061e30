package gongkai.rules;

import static gongkai.rules.Findings.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import gongkai.avro.ClaimKind;

/** R-NAR-01 and R-NAR-02. */
class NarrativeRulesTest {

    @Test
    void newRequestsStatedInTextDifferingFromTableIsReported() {
        var report = TestReports.clean2021().clearClaims()
                .claim(ClaimKind.NEW_REQUESTS, 13, "2021年新收依申请公开13件").build();
        Finding f = single(new NarrativeCountRule().check(report), "R-NAR-01", "1/2021年新收依申请公开13件", "17", "13");
        assertEquals("第一部分文字“2021年新收依申请公开13件”称本年新收 13 件，但第三部分“一、本年新收政府信息公开申请数量”行“总计”列为 17。",
                f.messageZh());
    }

    /** The clean 2021 table's 总计 per claim kind; groups are sums over their sub-rows. */
    @ParameterizedTest(name = "{0} compared with {1}")
    @CsvSource({"NEW_REQUESTS, 17", "CARRIED_OVER, 3", "DISCLOSED, 9", "PARTIAL, 3", "WITHHELD, 1", "UNABLE, 2",
            "NOT_PROCESSED, 1", "CARRY_FORWARD, 3"})
    void everyCountKindIsComparedWithItsRow(ClaimKind kind, long tableTotal) {
        var report = TestReports.clean2021().clearClaims().claim(kind, tableTotal + 5, "共" + (tableTotal + 5) + "件").build();
        single(new NarrativeCountRule().check(report), "R-NAR-01", "1/共" + (tableTotal + 5) + "件",
                Long.toString(tableTotal), Long.toString(tableTotal + 5));
    }

    @Test
    void groupClaimSumsAllItsSubRows() {
        // 不予公开 now spans two sub-rows: 1 (row 4) + 2 (row 1) = 3; the text still says 1.
        var report = TestReports.clean2021().cell("WITHHELD_1", 0, 2).cell("WITHHELD_1", 6, 2).build();
        Finding f = single(new NarrativeCountRule().check(report), "R-NAR-01", "1/不予公开1件", "3", "1");
        assertTrue(f.messageZh().contains("“不予公开”各行“总计”列为 3"), f.messageZh());
    }

    @Test
    void sameSentenceTwiceIsOneFinding() {
        var report = TestReports.clean2021().clearClaims().claim(ClaimKind.UNABLE, 19, "无法提供19件")
                .claim(ClaimKind.UNABLE, 19, "无法提供19件").build();
        assertEquals(1, new NarrativeCountRule().check(report).size());
    }

    @Test
    void phraseIsQuotedAsOneLine() {
        var report = TestReports.clean2021().clearClaims().claim(ClaimKind.CARRY_FORWARD, 4, "结转下年度\n继续办理\u00A04件").build();
        Finding f = single(new NarrativeCountRule().check(report), "R-NAR-01", "1/结转下年度 继续办理 4件", "3", "4");
        assertTrue(!f.messageZh().contains("\n") && !f.messageEn().contains("\n"));
    }

    @Test
    void claimWithoutItsRowInTheTableIsLeftToOtherRules() {
        var report = TestReports.clean2021().removeRow("CARRIED_OVER").clearClaims()
                .claim(ClaimKind.CARRIED_OVER, 13, "上年结转13件").build();
        assertEquals(List.of(), new NarrativeCountRule().check(report));
    }

    @Test
    void partsNotSummingToTheStatedTotalAreReported() {
        String phrase = "主动公开政府信息183条，其中工作动态47条，通知公告1条，政策文件6条，人事信息1条，财政信息125条，规划计划1条，其他1条";
        var report = TestReports.clean2021().clearClaims().activeTotal(183, phrase, "工作动态", 47, "通知公告", 1,
                "政策文件", 6, "人事信息", 1, "财政信息", 125, "规划计划", 1, "其他", 1).build();
        Finding f = single(new NarrativePartsRule().check(report), "R-NAR-02", "1/" + phrase, "182", "183");
        assertTrue(f.messageZh().contains("工作动态 47 + 通知公告 1"), f.messageZh());
    }

    @Test
    void totalWithoutPartsIsNotChecked() {
        var report = TestReports.clean2021().clearClaims().activeTotal(522, "主动公开政府信息522条").build();
        assertEquals(List.of(), new NarrativePartsRule().check(report));
    }
}
