package gongkai.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.intake.SubmissionWindow;
import gongkai.local.LocalKafka;
import gongkai.local.LocalSchemaRegistry;
import gongkai.serde.SchemaRegistryClient;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.topics.Topics;
import gongkai.topology.MonitorSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit replays on a real broker and registry: "which alerts stood on a given day?" over a submission
 * log with a correction in it, twice, with identical results, and without touching the live topics.
 */
class ReplayIT {
    static final Path SAMPLES = Path.of("..", "samples");
    static final Instant JAN_2022 = Instant.parse("2022-01-20T02:00:00Z");
    static final Instant FEB_2023 = Instant.parse("2023-02-01T02:00:00Z");
    static final Instant MAR_2023 = Instant.parse("2023-03-15T02:00:00Z");

    @TempDir
    static Path dir;
    static LocalKafka kafka;
    static LocalSchemaRegistry registry;
    static MonitorConfig config;

    @BeforeAll
    static void start() throws Exception {
        kafka = LocalKafka.start(dir.resolve("kafka"));
        registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0);
        Map<String, String> flags = new HashMap<>();
        flags.put(MonitorConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        flags.put(MonitorConfig.SCHEMA_REGISTRY_URL, registry.url());
        flags.put(MonitorConfig.DATA_DIR, dir.resolve("data").toString());
        flags.put(MonitorConfig.TOPIC_PARTITIONS, "2");
        config = MonitorConfig.load(null, Map.of(), flags);
        Topics live = Topics.live();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            live.create(admin, 2, (short) 1);
        }
        MonitorSerdes serdes = MonitorSerdes.using(SchemaRegistryClient.connect(registry.url()), true);
        Map<String, Object> clients = Map.of("bootstrap.servers", kafka.bootstrapServers());
        byte[] y2021 = Files.readAllBytes(SAMPLES.resolve("chaoyang-jinzhan-2021.txt"));
        byte[] y2022 = Files.readAllBytes(SAMPLES.resolve("crafted/chaoyang-jinzhan-2022.txt"));
        // The 2022 report as corrected a month later: carried over 3, as 2021 carried forward.
        byte[] y2022fixed = new String(y2022, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("(二、上年结转政府信息公开申请数量\\n\\t0\\n)\\t2((\\n\\t0){4}\\n)\\t2", "$1\t3$2\t3")
                .replaceFirst("(四、结转下年度继续办理\\n\\t0\\n)\\t5((\\n\\t0){4}\\n)\\t5", "$1\t6$2\t6")
                .replace("结转下年度继续办理5件", "结转下年度继续办理6件").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (SubmissionPublisher publisher = new SubmissionPublisher(clients, live.submissions(), serdes.submissions())) {
            publish(publisher, y2021, "2021.txt", JAN_2022);
            publish(publisher, y2022, "2022.txt", FEB_2023);
            publish(publisher, y2022fixed, "2022.txt", MAR_2023);
        }
    }

    static void publish(SubmissionPublisher publisher, byte[] content, String source, Instant at) {
        ReportSubmission s = Submissions.of(content, source, "it", "text/plain", null, null, at);
        publisher.publishAndWait(s);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
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

        Replay.Result afterCorrection = Replay.run(config, new SubmissionWindow(null, Instant.parse("2023-03-31T15:59:59Z")),
                "mar", Duration.ofMinutes(3), (d, t) -> d);
        assertTrue(cont01(afterCorrection.standing()).isEmpty(), "the correction of 15 March resolved it");

        Replay.Result before2022 = Replay.run(config, new SubmissionWindow(null, Instant.parse("2022-12-31T00:00:00Z")),
                "dec", Duration.ofMinutes(3), (d, t) -> d);
        assertTrue(before2022.standing().stream().allMatch(a -> a.getYear() == 2021), "only the 2021 report was known");
    }

    @Test
    void replayingTwiceGivesIdenticalFiles() throws Exception {
        SubmissionWindow window = new SubmissionWindow(null, Instant.parse("2023-02-28T00:00:00Z"));
        Replay.Result first = Replay.run(config, window, "twice-1", Duration.ofMinutes(3), (d, t) -> d);
        Replay.Result second = Replay.run(config, window, "twice-2", Duration.ofMinutes(3), (d, t) -> d);
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
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
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
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
