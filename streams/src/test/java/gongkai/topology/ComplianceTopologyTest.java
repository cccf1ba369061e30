package gongkai.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import gongkai.text.Sha256;
import gongkai.avro.AlertReview;
import gongkai.avro.AlertStatus;
import gongkai.avro.ReviewAction;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.avro.ReportVerdict;
import gongkai.topics.SourceHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole topology on TopologyTestDriver: parsing and dead letters, continuity in both orders, the alert lifecycle. */
class ComplianceTopologyTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final String CHAOYANG = "北京市朝阳区金盏乡人民政府";

    @TempDir
    Path state;
    @AutoClose
    private TopologyHarness harness;
    private final Map<String, ComplianceAlert> openTable = new LinkedHashMap<>();
    private Instant clock = Instant.parse("2024-02-01T00:00:00Z");

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(state);
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(SAMPLES.resolve(name));
    }

    /** The crafted 2022 report with other 上年结转 / 结转下年度 rows (商业企业 and 总计 columns) and the narrative to match. */
    static byte[] chaoyang2022(int carriedOver, int carriedForward) throws IOException {
        String text = new String(sample("crafted/chaoyang-jinzhan-2022.txt"), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        int carried = indexOf(lines, "二、上年结转");
        int forward = indexOf(lines, "四、结转下年度");
        lines[carried + 2] = "\t" + carriedOver;
        lines[carried + 7] = "\t" + carriedOver;
        lines[forward + 2] = "\t" + carriedForward;
        lines[forward + 7] = "\t" + carriedForward;
        return String.join("\n", lines).replace("结转下年度继续办理5件", "结转下年度继续办理" + carriedForward + "件")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOf(String[] lines, String marker) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + marker);
    }

    private ReportSubmission submit(byte[] content, String source) {
        clock = clock.plusSeconds(60);
        ReportSubmission s = ReportSubmission.newBuilder().setSubmissionId(UUID.randomUUID().toString())
                .setContent(ByteBuffer.wrap(content)).setSource(source).setSubmitter("test")
                .setReceivedAt(clock).setSha256(Sha256.hex(content)).build();
        harness.submissions().pipeInput(source, s, clock);
        return s;
    }

    private Map<String, ComplianceAlert> openAlerts() {
        harness.openAlerts().readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                openTable.remove(kv.key);
            } else {
                openTable.put(kv.key, kv.value);
            }
        });
        return openTable;
    }

    private static Set<String> keys(Map<String, ComplianceAlert> alerts, String ruleId, int year) {
        return alerts.values().stream().filter(a -> a.getRuleId().equals(ruleId) && a.getYear() == year)
                .map(a -> a.getLocation().getColumn()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everySubmissionIsParsedOrRejectedWithItsReason() throws IOException {
        List<String> names = List.of("anfeng-2020.txt", "chaoyang-jinzhan-2021.txt", "daxing-yinghai-2023.txt",
                "fengtai-changxindian-2020.txt", "miyun-mujiayu-2020.txt");
        for (String n : names) {
            submit(sample(n), n);
        }
        submit(new byte[0], "empty.txt");
        submit("这是一份会议通知，与政府信息公开年报无关。".getBytes(StandardCharsets.UTF_8), "notice.txt");

        List<DisclosureReport> reports = harness.parsed().readValuesToList();
        List<RejectedSubmission> dead = harness.rejected().readValuesToList();
        assertEquals(5, reports.size(), "the five samples parse");
        assertEquals(2, dead.size(), "the empty file and the notice are rejected");
        assertEquals(Set.of("empty.txt", "notice.txt"), dead.stream().map(RejectedSubmission::getSource).collect(Collectors.toSet()));
        dead.forEach(d -> assertTrue(!d.getReason().isBlank() && d.getSourceTopic().equals(harness.topics().submissions()), d.toString()));
        assertEquals(5, harness.verdicts().readValuesToList().size(), "one verdict per parsed report");
    }

    @Test
    void poisonBytesGoToTheDeadLetterTopicAndProcessingGoesOn() throws IOException {
        TestInputTopic<String, byte[]> raw = harness.input(harness.topics().submissions(), new ByteArraySerializer());
        byte[] poison = "not avro at all".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("bad", poison);
        submit(sample("daxing-yinghai-2023.txt"), "daxing-yinghai-2023.txt");

        List<RejectedSubmission> dead = harness.rejected().readValuesToList();
        assertEquals(1, dead.size());
        assertEquals("UNDESERIALIZABLE", dead.get(0).getReasonCode());
        assertTrue(dead.get(0).getReason().contains("magic byte"), dead.get(0).getReason());
        assertEquals(ByteBuffer.wrap(poison), dead.get(0).getOriginal());
        assertEquals(1, harness.parsed().readValuesToList().size(), "the good submission after the poison one is still parsed");
    }

    @Test
    void carryOverBreakIsFoundWhenTheLaterYearArrivesSecond() throws IOException {
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        submit(sample("crafted/chaoyang-jinzhan-2022.txt"), "2022.txt");
        Map<String, ComplianceAlert> alerts = openAlerts();
        assertEquals(Set.of("商业企业", "总计"), keys(alerts, "R-CONT-01", 2022));
        ComplianceAlert total = alerts.values().stream()
                .filter(a -> a.getRuleId().equals("R-CONT-01") && "总计".equals(a.getLocation().getColumn())).findFirst().orElseThrow();
        assertEquals("3", total.getExpected());
        assertEquals("2", total.getActual());
        assertEquals(CHAOYANG, total.getAgency());
        assertNotNull(total.getComparedWith(), "a continuity alert names the previous year's version");
        assertEquals(Sha256.hex(sample("chaoyang-jinzhan-2021.txt")), total.getComparedWith().getSha256());
        assertTrue(keys(alerts, "R-CONT-03", 2022).isEmpty(), "the previous year is there");
    }

    @Test
    void carryOverBreakIsFoundWhenTheEarlierYearArrivesSecond() throws IOException {
        submit(sample("crafted/chaoyang-jinzhan-2022.txt"), "2022.txt");
        assertEquals(1, openAlerts().values().stream().filter(a -> a.getRuleId().equals("R-CONT-03") && a.getYear() == 2022).count(),
                "without 2021 the chain cannot be checked yet");

        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        Map<String, ComplianceAlert> alerts = openAlerts();
        assertEquals(Set.of("商业企业", "总计"), keys(alerts, "R-CONT-01", 2022));
        assertTrue(alerts.values().stream().noneMatch(a -> a.getRuleId().equals("R-CONT-03") && a.getYear() == 2022));
        List<ComplianceAlert> all = harness.alertEvents().readValuesToList();
        assertTrue(all.stream().anyMatch(a -> a.getRuleId().equals("R-CONT-03") && a.getYear() == 2022 && a.getStatus() == AlertStatus.RESOLVED));
    }

    @Test
    void bothArrivalOrdersEndWithTheSameOpenAlerts() throws IOException {
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        submit(sample("crafted/chaoyang-jinzhan-2022.txt"), "2022.txt");
        Set<String> inOrder = new TreeSet<>(openAlerts().keySet());

        harness.close();
        openTable.clear();
        start();
        submit(sample("crafted/chaoyang-jinzhan-2022.txt"), "2022.txt");
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        assertEquals(inOrder, new TreeSet<>(openAlerts().keySet()));
    }

    @Test
    void aCorrectionResolvesTheAlertsItFixes() throws IOException {
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        submit(chaoyang2022(2, 5), "2022.txt");
        assertEquals(Set.of("商业企业", "总计"), keys(openAlerts(), "R-CONT-01", 2022));
        harness.alertEvents().readValuesToList();

        byte[] corrected = chaoyang2022(3, 6);
        submit(corrected, "2022-corrected.txt");
        List<ComplianceAlert> after = harness.alertEvents().readValuesToList();
        assertEquals(Set.of("商业企业", "总计"), after.stream()
                .filter(a -> a.getRuleId().equals("R-CONT-01") && a.getStatus() == AlertStatus.RESOLVED)
                .map(a -> a.getLocation().getColumn()).collect(Collectors.toSet()));
        assertTrue(after.stream().noneMatch(a -> a.getStatus() == AlertStatus.RAISED), "what still holds is not raised again");
        Map<String, ComplianceAlert> open = openAlerts();
        assertTrue(keys(open, "R-CONT-01", 2022).isEmpty());
        List<ComplianceAlert> stillStanding = open.values().stream().filter(a -> a.getYear() == 2022).toList();
        assertTrue(!stillStanding.isEmpty(), "the 2022 report's other findings (section numbering) still stand");
        stillStanding.forEach(a -> assertEquals(Sha256.hex(corrected), a.getReport().getSha256(),
                a.getRuleId() + " names the corrected version it now stands on"));
    }

    @Test
    void aRecrawlOfTheSameContentRaisesNothingNew() throws IOException {
        submit(sample("fengtai-changxindian-2020.txt"), "a.txt");
        List<ComplianceAlert> first = harness.alertEvents().readValuesToList();
        assertTrue(first.stream().anyMatch(a -> a.getRuleId().equals("R-NAR-01")), "the sample's 新收13件 vs 18 is found");
        submit(sample("fengtai-changxindian-2020.txt"), "a-again.txt");
        assertTrue(harness.alertEvents().readValuesToList().isEmpty(), "the same content again changes nothing");
        assertEquals(2, harness.verdicts().readValuesToList().size(), "but the re-crawl still gets its verdict");
    }

    @Test
    void alertsCarryTheCoordinatesOfTheSubmissionThatCausedThem() throws IOException {
        submit(sample("fengtai-changxindian-2020.txt"), "a.txt");
        TestRecord<String, ComplianceAlert> r = harness.alertEvents().readRecord();
        assertEquals(harness.topics().submissions(), SourceHeaders.get(r.headers(), SourceHeaders.TOPIC).orElseThrow());
        assertEquals("0", SourceHeaders.get(r.headers(), SourceHeaders.OFFSET).orElseThrow());
        assertTrue(SourceHeaders.get(r.headers(), SourceHeaders.SUBMISSION_ID).isPresent());
    }

    @Test
    void aFlawedVersionSentAgainAfterItsCorrectionNeverBecomesCurrentAgain() throws IOException {
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        byte[] flawed = chaoyang2022(2, 5);
        submit(flawed, "2022.txt");
        submit(chaoyang2022(3, 6), "2022-corrected.txt");
        assertTrue(keys(openAlerts(), "R-CONT-01", 2022).isEmpty(), "the correction resolved the carry-over break");
        harness.alertEvents().readValuesToList();
        harness.verdicts().readValuesToList();

        submit(flawed, "2022.txt");
        assertTrue(harness.alertEvents().readValuesToList().isEmpty(), "the old file again raises nothing");
        assertTrue(keys(openAlerts(), "R-CONT-01", 2022).isEmpty());
        List<ReportVerdict> v = harness.verdicts().readValuesToList();
        assertEquals(1, v.size());
        assertEquals(Sha256.hex(chaoyang2022(3, 6)), v.get(0).getReport().getSha256(), "the verdict is the corrected version's");
    }

    private TestInputTopic<String, AlertReview> reviews() {
        return harness.reviews();
    }

    private void review(String alertKey, ReviewAction action, ComplianceAlert judged) {
        clock = clock.plusSeconds(60);
        AlertReview r = AlertReview.newBuilder().setReviewId(UUID.randomUUID().toString()).setAlertKey(alertKey).setAction(action)
                .setComment("checked with the agency").setReviewer("王科长").setReviewedAt(clock)
                .setExpected(judged == null ? null : judged.getExpected()).setActual(judged == null ? null : judged.getActual()).build();
        reviews().pipeInput(CHAOYANG, r, clock);
    }

    private ComplianceAlert cont01Total() {
        return openAlerts().values().stream().filter(a -> a.getRuleId().equals("R-CONT-01") && "总计".equals(a.getLocation().getColumn()))
                .findFirst().orElse(null);
    }

    @Test
    void aDismissalStaysWithTheAlertWhileTheFindingIsUnchanged() throws IOException {
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        submit(chaoyang2022(2, 5), "2022.txt");
        ComplianceAlert alert = cont01Total();
        int errorsBefore = harness.verdicts().readValuesToList().stream().filter(v -> v.getYear() == 2022).reduce((a, b) -> b).orElseThrow().getErrors();
        harness.alertEvents().readValuesToList();

        review(alert.getAlertKey(), ReviewAction.DISMISS, alert);
        ComplianceAlert dismissed = cont01Total();
        assertEquals(ReviewAction.DISMISS, dismissed.getReview().getAction());
        assertEquals("王科长", dismissed.getReview().getReviewer());
        assertEquals(errorsBefore - 1, harness.verdicts().readValuesToList().get(0).getErrors(), "a dismissed alert does not count against the report");
        assertTrue(harness.alertEvents().readValuesToList().isEmpty(), "a review is not a new finding");

        // A new version with the same finding (only 结转下年度 changed): still dismissed.
        submit(chaoyang2022(2, 6), "2022-v2.txt");
        assertEquals(ReviewAction.DISMISS, cont01Total().getReview().getAction());
        assertTrue(harness.alertEvents().readValuesToList().stream().noneMatch(a -> a.getAlertKey().equals(alert.getAlertKey())));

        // A version that changes the finding's values: raised again, unreviewed.
        submit(chaoyang2022(1, 6), "2022-v3.txt");
        ComplianceAlert again = cont01Total();
        assertEquals("1", again.getActual());
        assertEquals(null, again.getReview(), "the dismissal judged other values");
        assertTrue(harness.alertEvents().readValuesToList().stream().anyMatch(a -> a.getAlertKey().equals(alert.getAlertKey())
                && a.getStatus() == AlertStatus.RAISED));
    }

    @Test
    void aReplayIgnoresRosterEntriesAndReviewsMadeAfterItsEnd() throws IOException {
        Instant until = clock.plusSeconds(600);
        harness.close();
        openTable.clear();
        harness = TopologyHarness.replay(state.resolve("replay"), new gongkai.topics.SubmissionWindow(null, until), () -> until);
        submit(sample("chaoyang-jinzhan-2021.txt"), "2021.txt");
        submit(chaoyang2022(2, 5), "2022.txt");
        ComplianceAlert alert = cont01Total();

        Instant after = until.plusSeconds(3600);
        harness.roster().pipeInput("北京市朝阳区人民政府", gongkai.avro.RosterEntry.newBuilder().setAgency("北京市朝阳区人民政府").setFirstYear(2020)
                .setAddedAt(after).build(), after);
        clock = after;
        review(alert.getAlertKey(), ReviewAction.DISMISS, alert);
        Map<String, ComplianceAlert> standing = openAlerts();
        assertTrue(standing.values().stream().noneMatch(a -> a.getRuleId().equals("R-MISS-01")), "put on the roster after the window");
        assertEquals(null, cont01Total().getReview(), "dismissed after the window");
    }
}
