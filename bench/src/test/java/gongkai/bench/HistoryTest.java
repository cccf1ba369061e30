package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.parse.ReportParser;
import gongkai.topology.TopologyHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator against the real parser and the real topology (in-process): the texts parse, the agency and year
 * are the ones the bookkeeping names, and the injected defects give exactly the expected alerts, each raised once.
 */
class HistoryTest {
    @TempDir
    Path state;

    @Test
    void generatedTextsParseWithTheAgencyAndYearTheyWereGeneratedFor() throws Exception {
        History h = History.generate(History.Settings.of(20, 6, 0.3, 7));
        ReportParser parser = new ReportParser();
        for (History.Event e : h.events()) {
            if (e.kind() == History.Kind.GARBAGE) {
                continue;
            }
            DisclosureReport r = parser.parse(h.submission(e));
            assertEquals(Agency.of(e.agency()).fullName(), r.getAgency(), "agency of " + e);
            assertEquals(e.year(), r.getYear(), "year of " + e);
            assertEquals(ReportTemplate.forYear(e.year()).version, r.getTemplate());
        }
    }

    @Test
    void historyGivesExactlyTheExpectedAlertsThroughTheRealTopology() {
        History h = History.generate(new History.Settings(60, 4, 2024, 0.25, 11, 0.4, 0.3, 0.1, 0.05));
        History.Expected expected = h.expected();
        assertTrue(expected.defects() > 10, "enough defects to mean something: " + expected.defects());
        assertTrue(!expected.resolved().isEmpty(), "some corrections");

        try (TopologyHarness harness = TopologyHarness.start(state)) {
            var events = harness.alertEvents();
            var rejected = harness.rejected();
            for (History.Event e : h.events()) {
                harness.submit(h.submission(e));
            }
            Map<String, Integer> raised = new HashMap<>();
            Map<String, Integer> resolved = new HashMap<>();
            Map<String, Integer> others = new TreeMap<>();
            for (ComplianceAlert a : events.readValuesToList()) {
                if (History.COUNTED_RULES.contains(a.getRuleId())) {
                    (a.getStatus() == AlertStatus.RAISED ? raised : resolved).merge(a.getAlertKey(), 1, Integer::sum);
                } else {
                    others.merge(a.getRuleId() + " " + a.getSeverity() + " " + a.getStatus(), 1, Integer::sum);
                }
            }
            System.out.println("not counted: " + others);
            List<RejectedSubmission> dead = rejected.readValuesToList();
            Map<String, String> reasons = new LinkedHashMap<>();
            dead.forEach(d -> reasons.merge(d.getReasonCode(), "1", (x, y) -> x + "1"));
            System.out.println("rejected: " + reasons);
            assertEquals(h.count(History.Kind.GARBAGE), dead.size());
            List<String> twice = new ArrayList<>(raised.entrySet().stream().filter(x -> x.getValue() != 1).map(Map.Entry::getKey).toList());
            assertEquals(List.of(), twice, "raised more than once");
            assertEquals(new java.util.TreeSet<>(expected.raised()), new java.util.TreeSet<>(raised.keySet()));
            assertEquals(new java.util.TreeSet<>(expected.resolved()), new java.util.TreeSet<>(resolved.keySet()));
        }
    }
}
