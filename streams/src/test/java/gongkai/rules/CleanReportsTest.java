package gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gongkai.avro.DisclosureReport;

/** Every rule stays silent on the consistent fixtures, one test per rule and fixture. */
class CleanReportsTest {

    static Stream<Arguments> reportRulesOnCleanReports() {
        return new RuleCatalog().reportRules().stream().flatMap(rule -> Stream.of(
                Arguments.of(rule, rule.id() + " on clean2019", TestReports.clean2019().build()),
                Arguments.of(rule, rule.id() + " on clean2021", TestReports.clean2021().build()),
                Arguments.of(rule, rule.id() + " on clean2022", TestReports.clean2022().build())));
    }

    @ParameterizedTest(name = "{1} is silent")
    @MethodSource("reportRulesOnCleanReports")
    void reportRuleIsSilentOnCleanReport(ReportRule rule, String name, DisclosureReport report) {
        List<Finding> findings = rule.check(report);
        assertTrue(findings.isEmpty(), () -> rule.id() + " on " + name + ": " + Findings.describe(findings));
    }

    static Stream<Arguments> continuityRulesOnCleanChains() {
        return new RuleCatalog().continuityRules().stream().flatMap(rule -> Stream.of(
                Arguments.of(rule, rule.id() + " on 2020→2021", TestReports.clean2019().build(), TestReports.clean2021().build()),
                Arguments.of(rule, rule.id() + " on 2021→2022", TestReports.clean2021().build(), TestReports.clean2022().build())));
    }

    @ParameterizedTest(name = "{1} is silent")
    @MethodSource("continuityRulesOnCleanChains")
    void continuityRuleIsSilentOnCleanChain(ContinuityRule rule, String name, DisclosureReport previous,
            DisclosureReport current) {
        List<Finding> findings = rule.check(previous, current);
        assertTrue(findings.isEmpty(), () -> rule.id() + " on " + name + ": " + Findings.describe(findings));
    }

    @Test
    void theCatalogRunsEveryReportAndContinuityRuleOnce() {
        RuleCatalog catalog = new RuleCatalog();
        List<String> ids = Stream.concat(catalog.reportRules().stream(), catalog.continuityRules().stream()).map(Rule::id).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), ids::toString);
        assertTrue(ids.containsAll(List.of("R-BAL-01", "R-CONT-01")), ids::toString);
        assertEquals(RuleCatalog.all().size(), ids.size() + 2, "all but R-ID-02 (the parser) and R-MISS-01 (the roster) run here");
    }

    @Test
    void theCatalogFindsNothingInACleanChain() {
        RuleCatalog catalog = new RuleCatalog();
        DisclosureReport previous = TestReports.clean2021().build();
        DisclosureReport current = TestReports.clean2022().build();
        assertEquals(List.of(), catalog.checkReport(current));
        assertEquals(List.of(), catalog.checkContinuity(previous, current));
    }
}
