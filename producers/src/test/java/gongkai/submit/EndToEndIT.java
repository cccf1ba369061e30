package gongkai.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.topics.SourceHeaders;
import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor end to end on real servers: a KRaft broker, the Apicurio registry, the topology under
 * exactly_once_v2. Submits the samples, a crafted next-year report, garbage and poison bytes, and
 * reads what a user would read: outcomes per submission and alerts on the alert topic.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EndToEndIT {
    static final Path SAMPLES = Path.of("..", "samples");

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.withApicurio("e2e");
    static ComplianceApp app;
    static MonitorSerdes serdes;
    static final Topics topics = Topics.live();

    @BeforeAll
    static void start() {
        Map<String, String> settings = cluster.monitorSettings(3);
        settings.put(MonitorConfig.SCHEMA_REGISTRY_URL, cluster.apicurioUrl());
        serdes = MonitorSerdes.using(SchemaRegistryClient.connect(cluster.apicurioUrl()), true);
        app = cluster.closeAfter(ComplianceApp.start(MonitorConfig.load(null, Map.of(), settings), topics));
    }

    static ReportSubmission file(String name) throws IOException {
        return Submissions.of(Files.readAllBytes(SAMPLES.resolve(name)), name, "it", "text/plain", null, null, Instant.now());
    }

    @Test
    void samplesAndANextYearReportGiveTheExpectedAlertsOnTheAlertTopic() throws Exception {
        List<ReportSubmission> sent = new ArrayList<>();
        for (String n : List.of("crafted/chaoyang-jinzhan-2022.txt", "anfeng-2020.txt", "chaoyang-jinzhan-2021.txt",
                "daxing-yinghai-2023.txt", "fengtai-changxindian-2020.txt", "miyun-mujiayu-2020.txt")) {
            sent.add(file(n));
        }
        ReportSubmission garbage = Submissions.of(new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 0, 0, 7, 9}, "garbage.bin", "it",
                null, null, null, Instant.now());
        sent.add(garbage);

        Map<String, Outcome> outcomes;
        try (OutcomeTracker tracker = new OutcomeTracker(cluster.clientProperties(), topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(cluster.clientProperties(), topics.submissions(), serdes.submissions())) {
            // The later year first, judged before anything else is sent: the continuity break must still be
            // found when 2021 arrives after it.
            publisher.publishAndWait(sent.get(0));
            assertTrue(tracker.await(List.of(sent.get(0)), Duration.ofSeconds(60)).values().iterator().next().done());
            for (ReportSubmission s : sent.subList(1, sent.size())) {
                publisher.publishAndWait(s);
            }
            // A producer that ignores our schema entirely: its bytes must end up on the dead-letter topic too.
            try (var raw = cluster.producer(new StringSerializer(), new ByteArraySerializer())) {
                raw.send(new ProducerRecord<>(topics.submissions(), "poison", "{\"not\":\"avro\"}".getBytes())).get();
            }
            outcomes = tracker.await(sent, Duration.ofSeconds(90));
        }

        assertTrue(outcomes.values().stream().allMatch(Outcome::done), "every submission accounted for: " + outcomes.values());
        assertEquals(1, outcomes.values().stream().filter(Outcome::rejected).count());
        assertEquals("BINARY", outcomes.get(garbage.getSubmissionId()).rejectedCode());
        assertEquals(6, outcomes.values().stream().filter(o -> o.verdict() != null).count());

        List<ConsumerRecord<String, ComplianceAlert>> alerts = cluster.readCommitted(topics.alertEvents(), serdes.alerts().deserializer(),
                "a continuity alert", recs -> recs.stream().anyMatch(r -> r.value().getRuleId().equals("R-CONT-01")));
        Set<String> contColumns = alerts.stream().map(ConsumerRecord::value)
                .filter(a -> a.getRuleId().equals("R-CONT-01") && a.getStatus() == AlertStatus.RAISED && a.getYear() == 2022)
                .map(a -> a.getLocation().getColumn()).collect(Collectors.toSet());
        assertEquals(Set.of("商业企业", "总计"), contColumns);
        assertTrue(alerts.stream().anyMatch(r -> r.value().getRuleId().equals("R-NAR-01")
                && r.value().getAgency().contains("长辛店")), "fengtai's 新收13件 vs 18 in the table");
        assertTrue(alerts.stream().anyMatch(r -> r.value().getRuleId().equals("R-CONT-03") && r.value().getYear() == 2022
                && r.value().getStatus() == AlertStatus.RESOLVED), "2021 arriving resolves 'previous year missing' for 2022");
        ConsumerRecord<String, ComplianceAlert> any = alerts.get(0);
        assertEquals(topics.submissions(), SourceHeaders.get(any.headers(), SourceHeaders.TOPIC).orElseThrow());
        assertNotNull(SourceHeaders.get(any.headers(), SourceHeaders.OFFSET).orElse(null));

        List<ConsumerRecord<String, RejectedSubmission>> dead = cluster.readCommitted(topics.rejected(), serdes.rejected().deserializer(),
                "the poison record's dead letter", recs -> recs.stream().anyMatch(r -> r.value().getReasonCode().equals("UNDESERIALIZABLE")));
        assertTrue(dead.stream().anyMatch(r -> r.value().getReasonCode().equals("UNDESERIALIZABLE")
                && new String(r.value().getOriginal().array()).contains("not")), "the poison record is kept with its bytes");
        assertTrue(app.streams().state().isRunningOrRebalancing(), "the application keeps running after the poison record");

        var history = gongkai.watch.AgencyHistory.load(cluster.clientProperties(), topics, serdes, "金盏乡");
        assertEquals(List.of(2021, 2022), history.stream().map(gongkai.watch.AgencyHistory.Year::year).toList());
        var v2022 = history.get(1).versions().get(0);
        assertEquals(Set.of("商业企业", "总计"), v2022.raised().stream().filter(a -> a.getRuleId().equals("R-CONT-01"))
                .map(a -> a.getLocation().getColumn()).collect(Collectors.toSet()), "history shows what the 2022 version raised");
    }
}
