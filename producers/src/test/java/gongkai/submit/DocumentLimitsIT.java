package gongkai.submit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import gongkai.text.Sha256;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.parse.ReportParser;
import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.topics.RecordLimits;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import gongkai.topics.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The size limits end to end, with the default document limit (20 MiB) on a real broker: a 19 MiB report is
 * judged; a 1 MiB document that is not a report is dead-lettered once with its bytes; a document over the
 * limit is refused before it is sent, and one pushed past the publisher is dead-lettered by reference only;
 * a dead letter the broker refuses is replaced by its small form; after each, the next submission is judged.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DocumentLimitsIT {
    static final int MIB = 1024 * 1024;

    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();
    static ComplianceApp app;
    static MonitorSerdes serdes;
    static final Topics topics = Topics.live();

    @BeforeAll
    static void start() {
        Map<String, String> settings = cluster.monitorSettings(2);
        // A refused record fails its transaction and the stream thread is replaced: the new one rejoins sooner.
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1000");
        serdes = MonitorSerdes.using(SchemaRegistryClient.connect(cluster.registryUrl()), true);
        app = cluster.closeAfter(ComplianceApp.start(MonitorConfig.load(null, Map.of(), settings), topics));
    }

    /** A real report (a sample) whose section-1 narrative is padded with valid sentences to {@code bytes}. */
    static byte[] paddedReport(int bytes) throws Exception {
        String text = Files.readString(Path.of("..", "samples", "daxing-yinghai-2023.txt"));
        int at = text.indexOf("（一）组织领导");
        String sentence = "我镇持续推进政务公开标准化规范化建设，围绕重点领域信息公开、政策解读、回应关切等方面扎实开展工作。\n";
        int room = bytes - text.getBytes(StandardCharsets.UTF_8).length;
        String pad = sentence.repeat(room / sentence.getBytes(StandardCharsets.UTF_8).length);
        return (text.substring(0, at) + pad + text.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    /** Readable text that is not a report, of exactly {@code bytes} bytes. */
    static byte[] notAReport(int bytes) {
        byte[] b = "这不是年度报告。".repeat(bytes / 24 + 1).getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.copyOf(b, bytes - (bytes % 3)); // whole characters only
    }

    static ReportSubmission submission(byte[] content, String source) {
        return Submissions.of(content, source, "it", "text/plain", null, null, Instant.now());
    }

    /** A sample report; each test uses another, so each is a new report that gets a verdict of its own. */
    static ReportSubmission sample(String name) throws Exception {
        return submission(Files.readAllBytes(Path.of("..", "samples", name)), name);
    }

    /** Publishes with the monitor's publisher and waits for each outcome in turn. */
    static List<Outcome> submitInOrder(ReportSubmission... submissions) {
        List<Outcome> out = new ArrayList<>();
        try (OutcomeTracker tracker = new OutcomeTracker(cluster.clientProperties(), topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(cluster.clientProperties(), topics.submissions(), serdes.submissions())) {
            for (ReportSubmission s : submissions) {
                publisher.publishAndWait(s);
                out.add(tracker.await(List.of(s), Duration.ofSeconds(90)).get(s.getSubmissionId()));
            }
        }
        return out;
    }

    @Test
    void a19MiBReportIsJudgedAnd1MiBNonReportIsRejectedOnceWithItsBytes() throws Exception {
        byte[] big = paddedReport(19 * MIB);
        byte[] junk = notAReport(MIB);
        ReportSubmission report = submission(big, "big-report.txt");
        ReportSubmission rejected = submission(junk, "one-mebibyte.txt");
        ReportSubmission next = sample("anfeng-2020.txt");
        List<Outcome> outcomes = submitInOrder(report, rejected, next);

        assertNotNull(outcomes.get(0).verdict(), "the 19 MiB report is judged: " + outcomes.get(0));
        assertEquals("北京市大兴区瀛海镇人民政府", outcomes.get(0).agency());
        assertEquals("NOT_A_REPORT", outcomes.get(1).rejectedCode(), "the 1 MiB document: " + outcomes.get(1));
        assertNotNull(outcomes.get(2).verdict(), "the next submission is judged: " + outcomes.get(2));

        List<RejectedSubmission> dead = deadLetters(rejected.getSubmissionId());
        assertEquals(1, dead.size(), "rejected exactly once");
        assertTrue(dead.get(0).getOriginalIncluded());
        assertArrayEquals(junk, bytes(dead.get(0)));
        assertEquals(junk.length, dead.get(0).getOriginalSize());
        assertEquals(Sha256.hex(junk), dead.get(0).getOriginalSha256());
        assertTrue(app.streams().state().isRunningOrRebalancing());
    }

    @Test
    void a25MiBDocumentIsRefusedBeforeSendingAndOneOverTheLimitOnTheLogIsRejectedByReference() throws Exception {
        byte[] huge = notAReport(25 * MIB);
        try (SubmissionPublisher publisher = new SubmissionPublisher(cluster.clientProperties(), topics.submissions(), serdes.submissions())) {
            var e = assertThrows(DocumentTooLargeException.class, () -> publisher.publish(submission(huge, "huge.txt")));
            assertTrue(e.getMessage().contains("over the limit of " + ReportParser.DEFAULT_MAX_BYTES + " bytes"), e.getMessage());
        }
        // A producer that ignores the limit: the submission topic itself refuses the record.
        try (var raw = new KafkaProducer<>(withMaxRequest(64 * MIB), new StringSerializer(), serdes.submissions().serializer())) {
            var e = assertThrows(ExecutionException.class,
                    () -> raw.send(new ProducerRecord<>(topics.submissions(), "huge.txt", submission(huge, "huge.txt"))).get());
            assertInstanceOf(RecordTooLargeException.class, e.getCause());
            // Just over the document limit fits on the log (its envelope) but not in a dead letter with its bytes.
            byte[] over = notAReport((int) ReportParser.DEFAULT_MAX_BYTES + 960 * 1024);
            ReportSubmission s = submission(over, "just-over.txt");
            raw.send(new ProducerRecord<>(topics.submissions(), s.getSource(), s)).get();
            ReportSubmission next = sample("miyun-mujiayu-2020.txt");
            List<Outcome> outcomes;
            try (OutcomeTracker tracker = new OutcomeTracker(cluster.clientProperties(), topics, serdes)) {
                outcomes = List.of(tracker.await(List.of(s), Duration.ofSeconds(90)).get(s.getSubmissionId()));
            }
            assertEquals("TOO_LARGE", outcomes.get(0).rejectedCode(), "just over the limit: " + outcomes.get(0));
            assertNotNull(submitInOrder(next).get(0).verdict(), "the next submission is judged");
            List<RejectedSubmission> dead = deadLetters(s.getSubmissionId());
            assertEquals(1, dead.size(), "rejected exactly once");
            assertFalse(dead.get(0).getOriginalIncluded(), "the bytes do not fit in a dead letter");
            assertEquals(0, dead.get(0).getOriginal().remaining());
            assertEquals(over.length, dead.get(0).getOriginalSize());
            assertEquals(Sha256.hex(over), dead.get(0).getOriginalSha256());
            assertEquals(topics.submissions(), dead.get(0).getSourceTopic());
        }
    }

    @Test
    void aDeadLetterTheBrokerRefusesIsReplacedByItsSmallFormOnce() throws Exception {
        // A rejected topic left at a smaller limit (as topics created before the limits were set were, at 1 MiB).
        try (Admin admin = cluster.admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topics.rejected()),
                    List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MIB)),
                            AlterConfigOp.OpType.SET)))).all().get();
        }
        try {
            byte[] junk = notAReport(2 * MIB);
            ReportSubmission rejected = submission(junk, "two-mebibytes.txt");
            List<Outcome> outcomes = submitInOrder(rejected, sample("fengtai-changxindian-2020.txt"));
            assertEquals("NOT_A_REPORT", outcomes.get(0).rejectedCode(), "the reason stands: " + outcomes.get(0));
            assertNotNull(outcomes.get(1).verdict(), "the next submission is judged: " + outcomes.get(1));
            List<RejectedSubmission> dead = deadLetters(rejected.getSubmissionId());
            assertEquals(1, dead.size(), "rejected exactly once: " + dead);
            assertFalse(dead.get(0).getOriginalIncluded());
            assertEquals(Sha256.hex(junk), dead.get(0).getOriginalSha256());
            assertTrue(dead.get(0).getReason().contains("without the original bytes"), dead.get(0).getReason());
        } finally {
            try (Admin admin = cluster.admin()) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topics.rejected()),
                        List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                Integer.toString(RecordLimits.DEFAULT.maxRecordBytes())), AlterConfigOp.OpType.SET)))).all().get();
            }
        }
    }

    @Test
    void aDocumentThatTakesTooLongToReadIsRejectedAsTooComplexOnceAndTheNextIsJudged() throws Exception {
        // Cells separated by a long run of short lines: each looks ahead for the next cell, so the work is quadratic.
        byte[] slow = ("\t单元格\n" + "短行\n".repeat(200_000) + "\t单元格\n").getBytes(StandardCharsets.UTF_8);
        ReportSubmission s = submission(slow, "slow.txt");
        long start = System.nanoTime();
        List<Outcome> outcomes = submitInOrder(s, sample("chaoyang-jinzhan-2021.txt"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("TOO_COMPLEX", outcomes.get(0).rejectedCode(), "the slow document: " + outcomes.get(0));
        assertTrue(outcomes.get(0).rejectedReason().contains("took longer than the " + ReportParser.DEFAULT_BUDGET_MS + " ms"),
                outcomes.get(0).rejectedReason());
        assertNotNull(outcomes.get(1).verdict(), "the next submission is judged: " + outcomes.get(1));
        assertEquals(1, deadLetters(s.getSubmissionId()).size(), "rejected exactly once");
        // The parse ran for a whole budget inside one transaction; a transaction timeout at Kafka Streams' default (10 s)
        // would have had the producer fenced and the document parsed again.
        assertTrue(took.compareTo(Duration.ofMillis(2 * ReportParser.DEFAULT_BUDGET_MS)) < 0, "parsed once: " + took);
    }

    static Map<String, Object> withMaxRequest(int bytes) {
        Map<String, Object> p = cluster.clientProperties();
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(bytes));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(2L * bytes));
        return p;
    }

    static byte[] bytes(RejectedSubmission r) {
        var b = r.getOriginal().duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** Every dead letter (committed) for one submission, read to the end of the topic. */
    static List<RejectedSubmission> deadLetters(String submissionId) {
        List<RejectedSubmission> out = new ArrayList<>();
        TopicReader.readToEnd(cluster.clientProperties(), topics.rejected(), serdes.rejected().deserializer(), r -> {
            if (submissionId.equals(r.value().getSubmissionId())) {
                out.add(r.value());
            }
        });
        return out;
    }
}
