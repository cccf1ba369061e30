package gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LocationAndMessageTest {

    @Test
    void keyJoinsSectionRowAndColumnOmittingNulls() {
        assertEquals("3/CARRIED_OVER/自然人", new Location(3, "CARRIED_OVER", "自然人").key());
        assertEquals("3/总计", new Location(3, null, "总计").key());
        assertEquals("1/新收13件", new Location(1, "新收13件", null).key());
        assertEquals("0", Location.document().key());
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
        assertTrue(f.location().row().length() <= 201, "row length " + f.location().row().length());
        assertTrue(f.location().row().endsWith("…"));
    }
}
