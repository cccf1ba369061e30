package gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gongkai.avro.AgencySource;
import gongkai.avro.ClaimKind;
import gongkai.avro.DisclosureReport;
import gongkai.avro.Numbering;
import gongkai.avro.ReviewGroupKind;
import gongkai.avro.Severity;

class RuleCatalogTest {

    @Test
    void severityOverrideFromConfigChangesOnlyThatRule() {
        Properties config = new Properties();
        config.setProperty("rules.severity.R-CELL-01", "warning");
        config.setProperty("kafka.bootstrap.servers", "localhost:9092");
        RuleCatalog catalog = RuleCatalog.fromConfig(config);
        // A blank where 0 belongs (a note) and a 自然人 column that does not balance (an error).
        DisclosureReport report = TestReports.clean2021().blank("NEW", 2).cell("CARRY_FORWARD", 0, 5).build();
        List<Finding> findings = catalog.checkReport(report);
        assertEquals(Severity.WARNING, only(findings, "R-CELL-01").severity());
        assertEquals(Severity.ERROR, only(findings, "R-BAL-01").severity());
        assertEquals(Severity.INFO, new BlankCellRule().check(report).get(0).severity(), "the rule itself keeps the default");
    }

    @Test
    void defaultSeveritiesFollowTheCatalog() {
        RuleCatalog catalog = new RuleCatalog();
        List<Finding> findings = catalog.checkReport(TestReports.clean2021().zeroNotation("NEW", 2, "—").build());
        assertEquals(Severity.INFO, only(findings, "R-CELL-01").severity());
        assertEquals(Severity.INFO, only(catalog.checkContinuity(null, TestReports.clean2021().build()), "R-CONT-03").severity());
    }

    @Test
    void continuityFindingsAreOverriddenToo() {
        RuleCatalog catalog = new RuleCatalog(Map.of("R-CONT-03", Severity.WARNING));
        assertEquals(Severity.WARNING, only(catalog.checkContinuity(null, TestReports.clean2021().build()), "R-CONT-03").severity());
    }

    @Test
    void severityOfRulesEvaluatedElsewhereIsConfigurableToo() {
        RuleCatalog catalog = RuleCatalog.fromConfig(Map.of("rules.severity.R-DL-01", "ERROR"));
        assertEquals(Severity.ERROR, catalog.severity("R-DL-01"));
        assertEquals(Severity.ERROR, catalog.severity("R-MISS-01"));
    }

    @Test
    void unknownRuleIdOrSeverityInConfigIsRefused() {
        var typo = assertThrows(IllegalArgumentException.class,
                () -> RuleCatalog.fromConfig(Map.of("rules.severity.R-CEL-01", "INFO")));
        assertTrue(typo.getMessage().contains("R-CEL-01"), typo.getMessage());
        var badValue = assertThrows(IllegalArgumentException.class,
                () -> RuleCatalog.fromConfig(Map.of("rules.severity.R-CELL-01", "LOW")));
        assertTrue(badValue.getMessage().contains("LOW"), badValue.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RuleCatalog(Map.of("R-NOPE", Severity.INFO)));
    }

    @Test
    void infoDescribesEveryCatalogRule() {
        RuleInfo bal = RuleCatalog.info("R-BAL-01").orElseThrow();
        assertEquals("balance", bal.kind());
        assertEquals(Severity.ERROR, bal.defaultSeverity());
        assertEquals(Severity.INFO, RuleCatalog.info("R-SEC-02").orElseThrow().defaultSeverity());
        assertEquals("missing", RuleCatalog.info("R-MISS-01").orElseThrow().kind());
        assertTrue(RuleCatalog.info("R-XYZ-99").isEmpty());
        for (RuleInfo info : RuleCatalog.all()) {
            assertTrue(info.id().matches("R-[A-Z]+-\\d\\d"), info.id());
            assertFalse(info.kind().isBlank() || info.descriptionZh().isBlank() || info.descriptionEn().isBlank(), info.id());
        }
        assertEquals(RuleCatalog.all().size(), RuleCatalog.all().stream().map(RuleInfo::id).distinct().count(), "ids are unique");
    }

    @Test
    void theCatalogListsTheRulesEvaluatedElsewhereToo() {
        RuleCatalog catalog = new RuleCatalog();
        Set<String> listed = RuleCatalog.all().stream().map(RuleInfo::id).collect(java.util.stream.Collectors.toSet());
        catalog.reportRules().forEach(r -> assertTrue(listed.contains(r.id()), r.id()));
        catalog.continuityRules().forEach(r -> assertTrue(listed.contains(r.id()), r.id()));
        assertTrue(listed.contains(catalog.missingReportRuleId()), "the roster's rule");
        assertTrue(listed.contains(new gongkai.parse.ReportRejectedException(gongkai.parse.RejectionReason.NO_YEAR, "x", "no year").ruleId()),
                "the parser's rejection rule");
    }

    @Test
    void findingsCarryTheKindOfTheirRule() {
        for (Finding f : new RuleCatalog().checkReport(messyReport())) {
            assertEquals(RuleCatalog.info(f.ruleId()).orElseThrow().kind(), f.kind(), f.ruleId());
        }
    }

    @Test
    void locationKeysAreUniquePerRuleEvenOnAMessyReport() {
        List<Finding> findings = new RuleCatalog().checkReport(messyReport());
        Set<String> alertKeys = new HashSet<>();
        for (Finding f : findings) {
            assertTrue(alertKeys.add(f.ruleId() + "|" + f.place().key()), "duplicate " + f.ruleId() + "|" + f.place().key());
        }
        Set<String> rules = new HashSet<>();
        findings.forEach(f -> rules.add(f.ruleId()));
        Set<String> expected = new HashSet<>();
        new RuleCatalog().reportRules().forEach(r -> expected.add(r.id()));
        expected.remove("R-DL-01"); // needs a publication date, which the messy report does not show
        assertEquals(expected, rules);
    }

    /** Every report rule fires, some several times, with repeated parser warnings and repeated sentences. */
    private static DisclosureReport messyReport() {
        return TestReports.clean2021().year(2020)
                .agencyFrom(AgencySource.METADATA, "年度报告").removeSection(5)
                .heading(2, Numbering.ARABIC, "2、主动公开政府信息情况").heading(6, Numbering.NONE, "其他需要报告的事项")
                .problems("无。").blank("NEW", 0).blank("NEW", 3).unreadable("PARTIAL", 1, "一").cell("UNABLE_3", 2, -2).cell("CARRY_FORWARD", 2, 5)
                .warning("BAD_NUMBER", 3, "PARTIAL", "商业企业", "一").warning("BAD_NUMBER", 3, "PARTIAL", "商业企业", "一")
                .review(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 1L, null, 0L, 1L, 1L)
                .review(ReviewGroupKind.LITIGATION_DIRECT, 0L, 5L, 0L, 0L, 2L)
                .claim(ClaimKind.NEW_REQUESTS, 99, "新收99件").claim(ClaimKind.NEW_REQUESTS, 99, "新收99件")
                .activeTotal(10, "主动公开10条，其中动态3条", "动态", 3)
                .feeStatement(null).build();
    }

    private static Finding only(List<Finding> findings, String ruleId) {
        List<Finding> of = findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertEquals(1, of.size(), () -> ruleId + " in " + Findings.describe(findings));
        return of.get(0);
    }
}
