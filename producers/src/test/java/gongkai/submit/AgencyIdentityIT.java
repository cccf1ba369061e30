package gongkai.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.identity.AgencyIdentity;
import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a real broker with several partitions: two years of one agency whose titles write its name differently land on
 * different partitions as written, meet in one identify task (partitioned by name stem) and are checked as one agency.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AgencyIdentityIT {
    static final Path SAMPLES = Path.of("..", "samples");
    static final String JINZHAN = "北京市朝阳区金盏乡人民政府";
    static final String SHORT = "朝阳区金盏乡人民政府";
    static final int PARTITIONS = 3;

    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.withApicurio("identity");
    static MonitorSerdes serdes;
    static final Topics topics = Topics.live();

    @BeforeAll
    static void start() {
        Map<String, String> settings = cluster.monitorSettings(PARTITIONS);
        settings.put(MonitorConfig.SCHEMA_REGISTRY_URL, cluster.apicurioUrl());
        serdes = MonitorSerdes.using(SchemaRegistryClient.connect(cluster.apicurioUrl()), true);
        cluster.closeAfter(ComplianceApp.start(MonitorConfig.load(null, Map.of(), settings), topics));
    }

    private static int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    private static ReportSubmission retitled(String sample, String from, String to) throws Exception {
        String text = Files.readString(SAMPLES.resolve(sample), StandardCharsets.UTF_8);
        assertTrue(text.contains(from));
        byte[] bytes = text.replaceFirst(from, to).getBytes(StandardCharsets.UTF_8);
        return Submissions.of(bytes, sample, "it", "text/plain", null, null, Instant.now());
    }

    @Test
    void twoWaysOfWritingOneAgencyMeetAcrossPartitionsAndTheCarryOverBreakIsFound() throws Exception {
        assertNotEquals(partitionOf(JINZHAN), partitionOf(SHORT),
                "keyed by the name as written, the two years would be on different partitions: the test needs that");
        assertEquals(AgencyIdentity.stem(JINZHAN), AgencyIdentity.stem(SHORT));

        ReportSubmission y2021 = retitled("chaoyang-jinzhan-2021.txt", JINZHAN + "2021年", JINZHAN + "2021年");
        ReportSubmission y2022 = retitled("crafted/chaoyang-jinzhan-2022.txt", JINZHAN + "2022年", SHORT + "2022年");
        Map<String, Outcome> outcomes;
        try (OutcomeTracker tracker = new OutcomeTracker(cluster.clientProperties(), topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(cluster.clientProperties(), topics.submissions(), serdes.submissions())) {
            // 2021 judged before 2022 is sent, so the name it prints is the first seen: from different partitions,
            // two records reach the identify task in no fixed order (the roster is what fixes a name for good).
            publisher.publishAndWait(y2021);
            assertTrue(tracker.await(List.of(y2021), Duration.ofSeconds(90)).get(y2021.getSubmissionId()).done());
            publisher.publishAndWait(y2022);
            outcomes = tracker.await(List.of(y2021, y2022), Duration.ofSeconds(90));
        }
        assertTrue(outcomes.values().stream().allMatch(Outcome::done), outcomes.values().toString());
        assertEquals(List.of(JINZHAN, JINZHAN), outcomes.values().stream().map(Outcome::agency).toList(),
                "the 2022 report is filed under the name the agency was first seen with");

        List<ComplianceAlert> alerts = cluster.readCommitted(topics.alertEvents(), serdes.alerts().deserializer(),
                "a continuity alert", recs -> recs.stream().anyMatch(r -> r.value().getRuleId().equals("R-CONT-01"))).stream().map(r -> r.value()).toList();
        Set<String> broken = alerts.stream().filter(a -> a.getRuleId().equals("R-CONT-01") && a.getStatus() == AlertStatus.RAISED
                && a.getYear() == 2022 && a.getAgency().equals(JINZHAN)).map(a -> a.getLocation().getColumn()).collect(Collectors.toSet());
        assertEquals(Set.of("商业企业", "总计"), broken, "2021 carried 3 forward, 2022 (its title without 北京市) carried 2 over");
    }
}
