package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import gongkai.config.MonitorConfig;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.admin.Admin;

/** What the fault tests share: a small history with every kind of event, topics of their own, and the exactly-once check. */
final class FaultSupport {
    static final int PARTITIONS = 3;

    private FaultSupport() {
    }

    /** 60 agencies × 3 years with many defects, corrections, out-of-order years, duplicates and garbage. */
    static History history(long seed) {
        return History.generate(new History.Settings(60, 3, 2022, 0.2, seed, 0.4, 0.3, 0.1, 0.05));
    }

    /** One report with a defect, for an agency no history uses: does the application still answer? */
    static History probe(long seed) {
        return History.generate(new History.Settings(1, 1, 2023, 1.0, seed, 0, 0, 0, 0), 90_000);
    }

    static Map<String, Object> clients(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrap);
        return p;
    }

    static MonitorConfig config(String bootstrap, String registry, Path stateDir, String appId) {
        Map<String, String> flags = new HashMap<>();
        flags.put(MonitorConfig.BOOTSTRAP_SERVERS, bootstrap);
        flags.put(MonitorConfig.SCHEMA_REGISTRY_URL, registry);
        flags.put(MonitorConfig.STATE_DIR, stateDir.toString());
        flags.put(MonitorConfig.APPLICATION_ID, appId);
        flags.put(MonitorConfig.TOPIC_PARTITIONS, Integer.toString(PARTITIONS));
        flags.put("session.timeout.ms", "6000");
        flags.put("heartbeat.interval.ms", "1000");
        return MonitorConfig.load(null, Map.of(), flags);
    }

    static Topics topics(String prefix) {
        return Topics.withOutputPrefix(prefix + "submissions", prefix);
    }

    static void create(String bootstrap, Topics topics) {
        try (Admin admin = Admin.create(clients(bootstrap))) {
            topics.create(admin, PARTITIONS, (short) 1);
        }
    }

    /** Sends the events of the history with seq in [from, to) and waits for the broker's acknowledgements. */
    static void send(SubmissionLoader loader, History h, int from, int to) {
        for (History.Event e : h.events().subList(from, to)) {
            loader.send(h, e, 0);
        }
        loader.flush();
    }

    /** The probe is submitted after everything else (seq {@code seq}) and must raise its alert within a minute. */
    static void assertAnswers(SubmissionLoader loader, OutcomeCounter counter, History probe, int seq) {
        loader.send(probe, probe.events().get(0), seq);
        loader.flush();
        assertTrue(counter.awaitFirstAlert(seq, Duration.ofSeconds(90)) > 0, "the application answers a new submission after the fault");
    }

    /**
     * No alert lost, none duplicated (RAISED exactly once per expected key, read_committed), corrections resolved
     * exactly once, every submission in [0, total) parsed or rejected and none both, none written twice.
     */
    static void assertExactlyOnce(OutcomeCounter counter, History h, History probe, int total, long expectedRejected) {
        assertTrue(counter.awaitCaughtUp(Duration.ofSeconds(60)), "the counter reads the output topics to their end");
        OutcomeCounter.Snapshot snap = counter.snapshot(0, total);
        BenchRunner.Check c = BenchRunner.check(h.expected(), probe.expected(), snap, expectedRejected);
        String detail = "missing " + first(c.missing()) + ", unexpected " + first(c.unexpected()) + ", not once " + first(c.duplicated())
                + ", resolved wrong " + first(c.resolvedWrong()) + "; submissions " + snap;
        assertTrue(c.missing().isEmpty(), "no alert lost: " + detail);
        assertTrue(c.duplicated().isEmpty(), "no alert duplicated: " + detail);
        assertTrue(c.unexpected().isEmpty(), "no alert invented: " + detail);
        assertTrue(c.resolvedWrong().isEmpty(), "corrections resolve exactly their alerts: " + detail);
        assertTrue(c.accounted(), "every submission parsed or rejected, once: " + detail);
    }

    private static String first(java.util.Set<String> s) {
        return s.isEmpty() ? "none" : List.copyOf(s).subList(0, Math.min(3, s.size())).toString();
    }

    /**
     * Starts {@link StreamsMain} in a JVM of its own (a process that can be SIGKILLed), on the topics of
     * {@link #topics(String)} with this prefix, with any further {@code key=value} settings; its output goes to
     * {@code target/<logName>.log}.
     */
    static Process streamsChild(String bootstrap, String registry, Path state, String appId, String prefix, String logName,
                                String... settings) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", logName + ".log").toFile();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=gongkai.avro",
                "-Dfile.encoding=UTF-8", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), StreamsMain.class.getName(),
                bootstrap, registry, state.toString(), appId, topics(prefix).submissions(), prefix, Integer.toString(PARTITIONS)));
        command.addAll(List.of(settings));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    static MonitorSerdes serdes(String registry) {
        return MonitorSerdes.using(gongkai.serde.SchemaRegistryClient.connect(registry), true);
    }
}
