package gongkai.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReportSubmission;
import gongkai.avro.RosterEntry;
import gongkai.compliance.ComplianceProcessor;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R-MISS-01: agencies on the roster without a report after their deadline, and the report that resolves it. */
class RosterCheckTest {
    static final String JINZHAN = "北京市朝阳区金盏乡人民政府";
    static final String CHAOYANG_GOV = "北京市朝阳区人民政府";

    @TempDir
    Path state;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2022-01-15T00:00:00Z"));
    @AutoClose
    private TopologyHarness harness;

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(state, now::get);
    }

    private void onRoster(String agency, int firstYear) {
        harness.roster().pipeInput(agency, RosterEntry.newBuilder().setAgency(agency).setFirstYear(firstYear).setAddedAt(now.get()).build());
    }

    private List<ComplianceAlert> missing() {
        return harness.alertEvents().readValuesToList().stream().filter(a -> a.getRuleId().equals("R-MISS-01")).toList();
    }

    private void submit(String sample) throws Exception {
        byte[] content = Files.readAllBytes(Path.of("..", "samples", sample));
        ReportSubmission s = ReportSubmission.newBuilder().setSubmissionId(UUID.randomUUID().toString())
                .setContent(ByteBuffer.wrap(content)).setSource(sample).setSubmitter("test")
                .setReceivedAt(now.get()).setSha256(UUID.randomUUID().toString()).build();
        harness.submissions().pipeInput(sample, s, now.get());
    }

    @Test
    void aReportNotYetDueRaisesNothingUntilItsDeadlinePasses() throws Exception {
        onRoster(JINZHAN, 2021);
        assertTrue(missing().isEmpty(), "on 15 Jan 2022 a township's 2021 report is not due before 31 Jan");

        now.set(Instant.parse("2022-02-01T01:00:00Z"));
        harness.driver().advanceWallClockTime(ComplianceProcessor.ROSTER_CHECK_INTERVAL);
        List<ComplianceAlert> raised = missing();
        assertEquals(1, raised.size(), raised.toString());
        ComplianceAlert a = raised.get(0);
        assertEquals(JINZHAN, a.getAgency());
        assertEquals(2021, a.getYear());
        assertEquals(AlertStatus.RAISED, a.getStatus());
        assertTrue(a.getExpected().contains("2022-01-31"), a.getExpected());
        assertEquals(Instant.parse("2022-01-31T16:00:00Z"), a.getEventAt(), "overdue from the start of 1 Feb, Beijing time");

        harness.driver().advanceWallClockTime(ComplianceProcessor.ROSTER_CHECK_INTERVAL);
        assertTrue(missing().isEmpty(), "an alert already standing is not raised again");

        submit("chaoyang-jinzhan-2021.txt");
        List<ComplianceAlert> after = missing();
        assertEquals(1, after.size());
        assertEquals(AlertStatus.RESOLVED, after.get(0).getStatus(), "the report's arrival resolves it");
    }

    @Test
    void everyOverdueYearIsRaisedAtOnceAndGovernmentsHaveUntilMarch() {
        now.set(Instant.parse("2024-02-15T00:00:00Z"));
        onRoster(CHAOYANG_GOV, 2021);
        Map<Integer, ComplianceAlert> byYear = new LinkedHashMap<>();
        missing().forEach(a -> byYear.put(a.getYear(), a));
        assertEquals(List.of(2021, 2022), byYear.keySet().stream().sorted().collect(Collectors.toList()),
                "the 2023 report of a district government is due by 31 March 2024");
    }

    @Test
    void takingAnAgencyOffTheRosterResolvesItsMissingReports() {
        now.set(Instant.parse("2024-02-15T00:00:00Z"));
        onRoster(CHAOYANG_GOV, 2021);
        assertEquals(2, missing().size());
        harness.roster().pipeInput(CHAOYANG_GOV, null);
        List<ComplianceAlert> after = missing();
        assertEquals(2, after.size());
        assertTrue(after.stream().allMatch(a -> a.getStatus() == AlertStatus.RESOLVED), after.toString());
        harness.driver().advanceWallClockTime(Duration.ofMinutes(5));
        assertTrue(missing().isEmpty(), "off the roster, nothing is raised again");
    }

    @Test
    void aReportAlreadyReceivedIsNotMissing() throws Exception {
        now.set(Instant.parse("2022-03-01T00:00:00Z"));
        submit("chaoyang-jinzhan-2021.txt");
        harness.alertEvents().readValuesToList();
        onRoster(JINZHAN, 2021);
        assertTrue(missing().isEmpty());
        harness.driver().advanceWallClockTime(Duration.ofMinutes(5));
        assertTrue(missing().isEmpty());
    }
}
