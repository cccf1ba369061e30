package gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import gongkai.avro.DisclosureReport;
import org.junit.jupiter.api.Test;

/** R-DL-01: the deadline depends on the agency's level and is configurable. */
class PublicationDeadlineRuleTest {
    private static DisclosureReport published(String agency, String date) {
        DisclosureReport r = TestReports.clean2021().build();
        r.setAgency(agency);
        r.getVersion().setPublishedAt(date);
        return r;
    }

    @Test
    void levelsFollowTheAgencyName() {
        assertEquals(PublicationDeadline.Level.TOWNSHIP, PublicationDeadline.levelOf("北京市朝阳区金盏乡人民政府"));
        assertEquals(PublicationDeadline.Level.TOWNSHIP, PublicationDeadline.levelOf("北京市西城区西长安街街道办事处"));
        assertEquals(PublicationDeadline.Level.GOVERNMENT, PublicationDeadline.levelOf("北京市朝阳区人民政府"));
        assertEquals(PublicationDeadline.Level.DEPARTMENT, PublicationDeadline.levelOf("北京市朝阳区教育委员会"));
        assertEquals(PublicationDeadline.Level.GOVERNMENT, PublicationDeadline.levelOf("平潭综合实验区"), "a zone named alone is its government");
        assertEquals(PublicationDeadline.Level.GOVERNMENT, PublicationDeadline.levelOf("某某经济开发区管委会"));
    }

    @Test
    void townshipPublishedInFebruaryIsLate() {
        var rule = new PublicationDeadlineRule(PublicationDeadline.DEFAULT);
        List<Finding> f = rule.check(published("北京市朝阳区金盏乡人民政府", "2022-02-15"));
        assertEquals(1, f.size());
        assertEquals("R-DL-01", f.get(0).ruleId());
        assertEquals("不晚于 2022-01-31", f.get(0).expected());
        assertEquals("2022-02-15", f.get(0).actual());
        assertTrue(f.get(0).messageEn().contains("2022-01-31"), f.get(0).messageEn());
    }

    @Test
    void districtGovernmentHasUntilTheEndOfMarch() {
        var rule = new PublicationDeadlineRule(PublicationDeadline.DEFAULT);
        assertTrue(rule.check(published("北京市朝阳区人民政府", "2022-03-31")).isEmpty());
        assertEquals(1, rule.check(published("北京市朝阳区人民政府", "2022-04-01")).size());
    }

    @Test
    void noPublicationDateNoFinding() {
        assertTrue(new PublicationDeadlineRule(PublicationDeadline.DEFAULT).check(published("北京市朝阳区人民政府", null)).isEmpty());
    }

    @Test
    void deadlinesAreConfigurablePerLevel() {
        var deadlines = PublicationDeadline.fromConfig(Map.of("deadline.township", "02-28"));
        assertEquals(LocalDate.of(2022, 2, 28), deadlines.deadlineFor("某某镇人民政府", 2021));
        assertEquals(LocalDate.of(2022, 3, 31), deadlines.deadlineFor("某某区人民政府", 2021));
        assertTrue(new PublicationDeadlineRule(deadlines).check(published("某某镇人民政府", "2022-02-15")).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> PublicationDeadline.fromConfig(Map.of("deadline.township", "Feb 28")));
    }
}
