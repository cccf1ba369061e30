package gongkai.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import gongkai.text.Sha256;
import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewAction;
import gongkai.avro.RosterEntry;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.topics.SubmissionWindow;
import gongkai.review.ReviewPublisher;
import gongkai.serde.SchemaRegistryClient;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Audit replays on a real broker and registry: "which alerts stood on a given day?" over a submission
 * log with a correction in it, twice, with identical results, and without touching the live topics.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReplayIT {
    static final Path SAMPLES = Path.of("..", "samples");
    static final Instant JAN_2022 = Instant.parse("2022-01-20T02:00:00Z");
    static final Instant FEB_2023 = Instant.parse("2023-02-01T02:00:00Z");
    static final Instant MAR_2023 = Instant.parse("2023-03-15T02:00:00Z");
    static final Instant APR_2023 = Instant.parse("2023-04-10T02:00:00Z");
    static final Instant REVIEWED = Instant.parse("2023-03-01T02:00:00Z");
    static final String JINZHAN = "北京市朝阳区金盏乡人民政府";
    static final String CONT01_TOTAL = JINZHAN + "|2022|R-CONT-01|3/CARRIED_OVER/总计";

    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();
    static MonitorConfig config;
    static byte[] y2022;

    @BeforeAll
    static void start() throws Exception {
        config = MonitorConfig.load(null, Map.of(), cluster.monitorSettings(2));
        Topics live = Topics.live();
        try (Admin admin = cluster.admin()) {
            live.create(admin, 2, (short) 1);
        }
        MonitorSerdes serdes = MonitorSerdes.using(SchemaRegistryClient.connect(cluster.registryUrl()), true);
        Map<String, Object> clients = cluster.clientProperties();
        byte[] y2021 = Files.readAllBytes(SAMPLES.resolve("chaoyang-jinzhan-2021.txt"));
        y2022 = Files.readAllBytes(SAMPLES.resolve("crafted/chaoyang-jinzhan-2022.txt"));
        // The 2022 report as corrected a month later: carried over 3, as 2021 carried forward.
        byte[] y2022fixed = new String(y2022, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(二、上年结转政府信息公开申请数量\\n\\t0\\n)\\t2((\\n\\t0){4}\\n)\\t2", "$1\t3$2\t3")
                .replaceFirst("(四、结转下年度继续办理\\n\\t0\\n)\\t5((\\n\\t0){4}\\n)\\t5", "$1\t6$2\t6")
                .replace("结转下年度继续办理5件", "结转下年度继续办理6件").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SubmissionPublisher publisher = new SubmissionPublisher(clients, live.submissions(), serdes.submissions())) {
            publish(publisher, y2021, "2021.txt", JAN_2022);
            publish(publisher, y2022, "2022.txt", FEB_2023);
            publish(publisher, y2022fixed, "2022.txt", MAR_2023);
            // The flawed original again (an old URL re-crawled): it must not undo the correction.
            publish(publisher, y2022, "2022.txt", APR_2023);
        }
        // The office dismissed the carry-over break of the total on 1 March 2023, judging expected 3, actual 2.
        try (ReviewPublisher reviews = new ReviewPublisher(clients, live.reviews(), serdes.reviews())) {
            reviews.publish(AlertReview.newBuilder().setReviewId("r-1").setAlertKey(CONT01_TOTAL).setAction(ReviewAction.DISMISS)
                    .setComment("agreed with the agency").setReviewer("王科长").setReviewedAt(REVIEWED).setExpected("3").setActual("2").build());
        }
        // An agency put on the roster today, long after every window below: no replay may count it as overdue.
        try (var roster = new org.apache.kafka.clients.producer.KafkaProducer<>(clients, new org.apache.kafka.common.serialization.StringSerializer(),
                serdes.roster().serializer())) {
            roster.send(new org.apache.kafka.clients.producer.ProducerRecord<>(live.roster(), "北京市朝阳区人民政府",
                    RosterEntry.newBuilder().setAgency("北京市朝阳区人民政府").setFirstYear(2019).setAddedAt(Instant.now()).build())).get();
        }
    }

    static void publish(SubmissionPublisher publisher, byte[] content, String source, Instant at) {
        ReportSubmission s = Submissions.of(content, source, "it", "text/plain", null, null, at);
        publisher.publishAndWait(s);
    }

    static Set<String> cont01(List<ComplianceAlert> alerts) {
        return alerts.stream().filter(a -> a.getRuleId().equals("R-CONT-01")).map(a -> a.getLocation().getColumn())
                .collect(Collectors.toSet());
    }

    @Test
    void alertsStandingOnADayAreThoseOfTheVersionsKnownThen() {
        Replay.Result beforeCorrection = Replay.run(config, new SubmissionWindow(null, Instant.parse("2023-02-28T00:00:00Z")),
                "feb", Duration.ofMinutes(3), (d, t) -> d);
        assertEquals(Set.of("商业企业", "总计"), cont01(beforeCorrection.standing()), "on 28 Feb 2023 the carry-over break stood");
        assertEquals(2, beforeCorrection.submissionsRead(), "2021 and the first 2022 version were in the window");
        assertTrue(beforeCorrection.reviews().isEmpty(), "the dismissal of 1 March was not made yet");
        assertTrue(beforeCorrection.standing().stream().allMatch(a -> a.getReview() == null));
        assertTrue(beforeCorrection.standing().stream().noneMatch(a -> a.getRuleId().equals("R-MISS-01")),
                "the agency put on the roster after the window was not expected to have published then");

        Replay.Result afterCorrection = Replay.run(config, new SubmissionWindow(null, Instant.parse("2023-03-31T15:59:59Z")),
                "mar", Duration.ofMinutes(3), (d, t) -> d);
        assertTrue(cont01(afterCorrection.standing()).isEmpty(), "the correction of 15 March resolved it");

        Replay.Result before2022 = Replay.run(config, new SubmissionWindow(null, Instant.parse("2022-12-31T00:00:00Z")),
                "dec", Duration.ofMinutes(3), (d, t) -> d);
        assertTrue(before2022.standing().stream().allMatch(a -> a.getYear() == 2021), "only the 2021 report was known");
        assertEquals(1, before2022.submissionsRead());
    }

    @Test
    void aReplayShowsTheReviewsThatStoodAtItsEnd() {
        Replay.Result march10 = Replay.run(config, new SubmissionWindow(null, Instant.parse("2023-03-10T00:00:00Z")),
                "reviewed", Duration.ofMinutes(3), (d, t) -> d);
        assertEquals(List.of("r-1"), march10.reviews().stream().map(AlertReview::getReviewId).toList());
        ComplianceAlert total = march10.standing().stream().filter(a -> a.getAlertKey().equals(CONT01_TOTAL)).findFirst().orElseThrow();
        assertEquals(ReviewAction.DISMISS, total.getReview().getAction());
        assertEquals("王科长", total.getReview().getReviewer());
        ComplianceAlert business = march10.standing().stream().filter(a -> a.getRuleId().equals("R-CONT-01")
                && a.getLocation().getColumn().equals("商业企业")).findFirst().orElseThrow();
        assertEquals(null, business.getReview(), "only the reviewed alert carries the review");
    }

    @Test
    void theFlawedVersionSentAgainAfterItsCorrectionDoesNotBringItsAlertsBack() {
        Replay.Result all = Replay.run(config, new SubmissionWindow(null, Instant.parse("2023-04-30T00:00:00Z")),
                "resent", Duration.ofMinutes(3), (d, t) -> d);
        assertEquals(4, all.submissionsRead());
        assertTrue(cont01(all.standing()).isEmpty(), "the corrected version stays current: " + all.standing());
        assertTrue(all.standing().stream().filter(a -> a.getYear() == 2022).allMatch(a -> !a.getReport().getSha256()
                .equals(Sha256.hex(y2022))), "every 2022 alert stands on the corrected version");
    }

    @Test
    void replayingTwiceGivesIdenticalFiles() throws Exception {
        SubmissionWindow window = new SubmissionWindow(null, Instant.parse("2023-02-28T00:00:00Z"));
        Replay.Result first = Replay.run(config, window, "twice-1", Duration.ofMinutes(3), (d, t) -> d);
        Replay.Result second = Replay.run(config, window, "twice-2", Duration.ofMinutes(3), (d, t) -> d);
        Path a = cluster.newDirectory("twice").resolve("a.csv");
        Path b = a.resolveSibling("b.csv");
        AlertExport.writeCsv(a, first.standing());
        AlertExport.writeCsv(b, second.standing());
        assertTrue(first.standing().size() > 0);
        assertEquals(Files.readString(a), Files.readString(b));
        AlertExport.writeJson(a, first.standing());
        AlertExport.writeJson(b, second.standing());
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    void theLiveTopicsAreNotTouched() throws Exception {
        Replay.run(config, new SubmissionWindow(null, Instant.parse("2023-02-28T00:00:00Z")), "untouched", Duration.ofMinutes(3), (d, t) -> d);
        try (Admin admin = cluster.admin()) {
            Topics live = Topics.live();
            for (String t : List.of(live.parsed(), live.alertEvents(), live.openAlerts(), live.verdicts(), live.rejected())) {
                var end = admin.listOffsets(Map.of(new org.apache.kafka.common.TopicPartition(t, 0),
                        org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get();
                assertEquals(0L, end.values().iterator().next().offset(), t + " stays empty");
            }
            assertTrue(admin.listConsumerGroups().all().get().stream().noneMatch(g -> g.groupId().equals("gongkai-monitor")),
                    "the live application id has no consumer group");
        }
    }
}
