package gongkai.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import gongkai.avro.ReportSubmission;
import gongkai.bench.History;
import gongkai.topics.SourceHeaders;
import gongkai.local.EmbeddedCluster;
import gongkai.local.HangingTransactions;
import gongkai.serde.SchemaRegistryClient;
import gongkai.submit.SubmissionPublisher;
import gongkai.topics.TopicReader;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole node killed: {@code ./monitor demo} (broker, registry and topology in one JVM) runs as a child JVM, is
 * killed with SIGKILL at a random moment while it works through a batch of submissions, and is started again on the
 * same data directory, several times over ({@code -Dnodekill.kills=N}, 3 by default to keep {@code mvn verify} short). After every restart each submission sent so far must be parsed or
 * rejected exactly once (read_committed), and none may stay unjudged (a partition wedged by a transaction the
 * restarted node never finishes).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class NodeKillIT {
    static final int KILLS = Integer.getInteger("nodekill.kills", 3);
    static final int BATCH = 25;

    @TempDir
    Path data;

    @Test
    void everySubmissionIsJudgedExactlyOnceAcrossKillsOfTheWholeNode() throws Exception {
        History h = History.generate(History.Settings.of(KILLS * BATCH / 3 + 1, 3, 0.2, 20261126L));
        List<ReportSubmission> all = h.events().stream().map(h::submission).toList();
        Random random = new Random(42);
        List<ReportSubmission> sent = new ArrayList<>();
        List<String> observed = new ArrayList<>();
        for (int round = 0; round <= KILLS; round++) {
            Process node = startNode(round);
            try {
                Map<String, String> env = EmbeddedCluster.readEnv(data);
                String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
                MonitorSerdes serdes = MonitorSerdes.using(SchemaRegistryClient.connect(env.get("SCHEMA_REGISTRY_URL")), true);
                Instant restarted = Instant.now();
                Map<String, Integer> judged = awaitJudged(bootstrap, serdes, sent, Duration.ofSeconds(90));
                if (!sent.stream().allMatch(s -> judged.containsKey(s.getSubmissionId()))) {
                    try (Admin admin = Admin.create(clients(bootstrap))) {
                        System.out.println("round " + round + ": not all judged; open transactions: " + HangingTransactions.open(admin));
                    }
                }
                assertExactlyOnce(sent, judged, round);
                observed.add("round " + round + ": " + sent.size() + " judged once in " + Duration.between(restarted, Instant.now()).toMillis() + " ms");
                if (round == KILLS) {
                    break;
                }
                List<ReportSubmission> batch = all.subList(round * BATCH, Math.min(all.size(), (round + 1) * BATCH));
                try (SubmissionPublisher publisher = new SubmissionPublisher(clients(bootstrap), Topics.live().submissions(), serdes.submissions())) {
                    batch.forEach(publisher::publish);
                    publisher.flush();
                }
                sent.addAll(batch);
                // The kill point: a random moment within the second or two the batch takes, so mid-stream and often
                // mid-transaction. (waitFor returns early only if the node died by itself.)
                assertTrue(!node.waitFor(random.nextInt(1500), TimeUnit.MILLISECONDS), "the node died by itself");
            } finally {
                node.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed or closed
                assertTrue(node.waitFor(30, TimeUnit.SECONDS));
            }
        }
        System.out.println(String.join("\n", observed));
    }

    private Process startNode(int round) throws Exception {
        Path log = Path.of("target", "node-kill-" + round + ".log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=gongkai.avro", "-cp", System.getProperty("java.class.path"), Monitor.class.getName(), "demo", "--no-samples",
                "--data-dir", data.toString())
                .redirectError(log.toFile()).start();
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("topology started")) {
                        started.countDown();
                    }
                }
            } catch (java.io.IOException gone) {
                // the node was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!started.await(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("round " + round + ": the node did not start; see " + log.toAbsolutePath() + "\n"
                    + (Files.exists(log) ? Files.readString(log) : ""));
        }
        return p;
    }

    private static Map<String, Object> clients(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    private static void assertExactlyOnce(List<ReportSubmission> sent, Map<String, Integer> judged, int round) {
        Map<String, Integer> wrong = new TreeMap<>();
        for (ReportSubmission s : sent) {
            int n = judged.getOrDefault(s.getSubmissionId(), 0);
            if (n != 1) {
                wrong.put(s.getSource(), n);
            }
        }
        assertEquals(Map.of(), wrong, "after restart " + round + ", submissions not judged exactly once (source = times)");
    }

    /** Waits until every sent submission has an outcome, or the timeout; returns how often each was judged. */
    private static Map<String, Integer> awaitJudged(String bootstrap, MonitorSerdes serdes, List<ReportSubmission> sent, Duration timeout) {
        AtomicReference<Map<String, Integer>> judged = new AtomicReference<>(Map.of());
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
                judged.set(judged(bootstrap, serdes, sent));
                return sent.stream().allMatch(s -> judged.get().containsKey(s.getSubmissionId()));
            });
        } catch (ConditionTimeoutException someMissing) {
            // the caller's exactly-once assertion names the submissions without an outcome
        }
        return judged.get();
    }

    /** Parsed reports and dead letters per submission id, committed ones only, read from the start of both topics. */
    private static Map<String, Integer> judged(String bootstrap, MonitorSerdes serdes, List<ReportSubmission> sent) {
        Topics topics = Topics.live();
        Map<String, Integer> counts = new HashMap<>();
        TopicReader.readToEnd(clients(bootstrap), topics.parsed(), new ByteArrayDeserializer(), r -> SourceHeaders.get(r.headers(),
                SourceHeaders.SUBMISSION_ID).ifPresent(id -> counts.merge(id, 1, Integer::sum)));
        TopicReader.readToEnd(clients(bootstrap), topics.rejected(), serdes.rejected().deserializer(), r -> {
            String id = r.value() != null ? r.value().getSubmissionId()
                    : SourceHeaders.get(r.headers(), SourceHeaders.SUBMISSION_ID).orElse(null);
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        });
        return counts;
    }
}
