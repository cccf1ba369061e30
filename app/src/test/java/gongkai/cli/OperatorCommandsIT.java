package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import gongkai.config.MonitorConfig;
import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operator's commands against a real embedded broker and registry, as an operator runs them: {@code topics} after
 * a submission, a replay listed and deleted, and {@code reset} refused while the application runs, then done.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class OperatorCommandsIT {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void topicsReplayHousekeepingAndReset() throws Exception {
        Path data = cluster.dataDir();
        MonitorConfig config = MonitorConfig.load(null, Map.of(), cluster.monitorSettings(6));
        String dir = data.toString();
        Path stateDir = data.resolve("streams-state").resolve(config.applicationId());

        try (ComplianceApp app = ComplianceApp.start(config, Topics.live())) {
            CommandRun submit = CommandRun.of("submit", "--data-dir", dir, "../samples/daxing-yinghai-2023.txt");
            assertTrue(submit.out().contains("daxing-yinghai-2023.txt"), submit.out());

            CommandRun topics = await(() -> CommandRun.of("topics", "--data-dir", dir), r -> row(r.out(), "gongkai.submissions").endsWith(" 0"),
                    "the application caught up on the submission");
            assertEquals(0, topics.exit(), topics.out());
            System.out.println("./monitor topics after one submission:\n" + topics.out());
            assertEquals(List.of("gongkai.submissions", "6", "1", "delete", "forever", "1", "0"), cells(row(topics.out(), "gongkai.submissions")));
            assertEquals(List.of("gongkai.alerts.open", "6", "1", "compact"), cells(row(topics.out(), "gongkai.alerts.open")).subList(0, 4));
            assertEquals("-", cells(row(topics.out(), "gongkai.alerts.events")).get(6), "the application does not read its alert events");
            assertTrue(topics.out().lines().anyMatch(l -> l.startsWith(config.applicationId() + "-") && l.contains("-changelog")),
                    "the application's internal topics are listed:\n" + topics.out());
            assertTrue(topics.out().contains("application gongkai-monitor: group Stable, 1 member(s), lag 0"), topics.out());

            CommandRun refused = CommandRun.of("reset", "--data-dir", dir, "--yes");
            assertEquals(1, refused.exit(), "a running application is not reset under its feet:\n" + refused.out());
            assertTrue(refused.out().contains("active members"), refused.out());
            assertTrue(Files.isDirectory(stateDir), "nothing deleted");
        }

        // A replay leaves topics, subjects, a group and local state behind; --list shows them, --delete clears them.
        CommandRun replay = CommandRun.of("replay", "--data-dir", dir, "--until", Instant.now().toString(), "--id", "audit-1", "--out",
                data.resolve("out").toString());
        assertEquals(0, replay.exit(), replay.out());
        CommandRun listed = CommandRun.of("replay", "--data-dir", dir, "--list");
        String line = listed.out().lines().filter(l -> l.startsWith("audit-1 ")).findFirst().orElseThrow(() -> new AssertionError(listed.out()));
        assertTrue(line.matches("audit-1  \\d+ topic\\(s\\), [1-9]\\d* subject\\(s\\), group kept, local state .*"), line);
        SchemaRegistryClient registry = SchemaRegistryClient.connect(cluster.registryUrl());
        assertTrue(registry.subjects().contains("gongkai.replay.audit-1.alerts.open-value"), registry.subjects().toString());

        CommandRun deleted = CommandRun.of("replay", "--data-dir", dir, "--delete", "audit-1");
        assertEquals(0, deleted.exit(), deleted.out());
        try (Admin admin = Admin.create(config.clientProperties())) {
            await(() -> admin.listTopics().names().get(), names -> names.stream().noneMatch(t -> t.contains("replay")),
                    "the replay's topics are gone");
            assertFalse(admin.listGroups().all().get().stream().anyMatch(g -> g.groupId().contains("replay-audit-1")), "its group is gone");
        }
        assertTrue(registry.subjects().stream().noneMatch(s -> s.contains("audit-1")), registry.subjects().toString());
        assertTrue(registry.subjects().contains("gongkai.submissions-value"), "the live subjects stay");
        assertFalse(Files.exists(data.resolve("replay").resolve("audit-1")), "its local state is gone");
        assertTrue(Files.exists(data.resolve("out")), "its result files are kept");
        assertEquals("0 replay(s)", CommandRun.of("replay", "--data-dir", dir, "--list").out().strip());

        // Reset of the stopped application: a dry run first changes nothing.
        CommandRun dry = CommandRun.of("reset", "--data-dir", dir);
        assertEquals(0, dry.exit(), dry.out());
        assertTrue(dry.out().contains("nothing changed; run again with --yes"), dry.out());
        assertEquals(1L, committed(config, "gongkai.submissions"));

        CommandRun reset = CommandRun.of("reset", "--data-dir", dir, "--yes");
        assertEquals(0, reset.exit(), reset.out());
        assertTrue(reset.out().contains("deleted the local state " + stateDir), reset.out());
        assertEquals(0L, committed(config, "gongkai.submissions"), "the submission log is read from the start again");
        assertFalse(Files.exists(stateDir));
        try (Admin admin = Admin.create(config.clientProperties())) {
            Set<String> names = admin.listTopics().names().get();
            assertTrue(names.stream().noneMatch(t -> t.startsWith(config.applicationId() + "-")), "internal topics deleted: " + names);
            assertTrue(names.containsAll(Topics.live().all()), "the monitor's own topics are kept");
        }

        // Started again, the application processes the log from the start.
        try (ComplianceApp app = ComplianceApp.start(config, Topics.live())) {
            await(() -> committed(config, "gongkai.submissions"), c -> c == 1L, "the submission was read again");
        }
    }

    private static long committed(MonitorConfig config, String topic) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(config.applicationId())
                    .partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static String row(String table, String topic) {
        return table.lines().filter(l -> l.startsWith(topic + " ")).findFirst().orElse("").strip();
    }

    private static List<String> cells(String row) {
        return List.of(row.split("\\s+"));
    }

    /** {@code what} once {@code until} holds of it (within 60 s, else the test fails with the last value seen). */
    private static <T> T await(Callable<T> what, Predicate<T> until, String condition) {
        AtomicReference<T> last = new AtomicReference<>();
        Awaitility.await(condition).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            last.set(what.call());
            assertTrue(until.test(last.get()), condition + "; last seen: " + last.get());
        });
        return last.get();
    }
}
