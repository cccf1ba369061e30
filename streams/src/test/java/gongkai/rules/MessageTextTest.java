package gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import gongkai.report.Place;

/** Report text in places and messages: as printed, on one line, cut when overlong. */
class MessageTextTest {

    @Test
    void aSection3PlaceNamesTheRowAsTheReportPrintsIt() {
        var report = TestReports.clean2021().label("NEW", "一、本年新收申请").build();
        Place cell = RequestRows.place(report, "NEW", "自然人");
        assertEquals("第三部分“一、本年新收申请”行“自然人”列", cell.zh());
        assertEquals("3/NEW/自然人", cell.key());
    }

    @Test
    void reportTextGoesIntoMessagesLiterallyOnOneLine() {
        String label = "二、上年结转{0}%s\n<b>数量</b>\u3000";
        var report = TestReports.clean2021().label("CARRIED_OVER", label).blank("CARRIED_OVER", 4).build();
        Finding f = new BlankCellRule().check(report).get(0);
        assertTrue(f.messageZh().contains("“二、上年结转{0}%s <b>数量</b>”行“法律服务机构”列"), f.messageZh());
        assertTrue(!f.messageZh().contains("\n"), f.messageZh());
    }

    @Test
    void overlongReportTextIsCut() {
        String phrase = "新收" + "很长".repeat(300) + "13件";
        var report = TestReports.clean2021().clearClaims().claim(gongkai.avro.ClaimKind.NEW_REQUESTS, 13, phrase).build();
        Finding f = new NarrativeCountRule().check(report).get(0);
        assertTrue(f.place().row().length() <= 201, "row length " + f.place().row().length());
        assertTrue(f.place().row().endsWith("…"));
    }
}
