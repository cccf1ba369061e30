package gongkai.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import gongkai.config.MonitorConfig;
import gongkai.local.LocalKafka;
import gongkai.local.LocalSchemaRegistry;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * {@code ./monitor bench}: generates a history, loads it onto a fresh submission topic, copies it once with a plain
 * consumer → producer (the baseline), runs the compliance topology over it to completion, measures latency at a
 * fixed rate with the topology running, and checks that every injected defect was found exactly once and every
 * submission accounted for. With {@code twoSizes} it first runs a quarter-size history (own topics, own
 * application id) so the live heap can be compared between two sizes.
 */
public final class BenchRunner {
    public record Options(int agencies, int years, double defectRate, long seed, int latencyRate, int latencySeconds,
                          String bootstrapServers, String schemaRegistryUrl, Path dataDir, int partitions, boolean twoSizes,
                          Map<String, String> settings) {
    }

    /** Figures of one history size. */
    public record SizeResult(String name, History.Settings settings, int submissions, long originals, long corrections,
                             long duplicates, long garbage, long loadNanos, Passthrough.Result passthrough, long topologyNanos,
                             long steadyNanos, OutcomeCounter.Snapshot snapshot, History.Expected expected, Check check,
                             Latency latency, long peakHeap, long liveHeap) {
        public double throughput() {
            return submissions / (topologyNanos / 1e9);
        }
    }

    public record Latency(int rate, int count, int withAlert, long[] sortedMillis) {
        public double percentile(double p) {
            if (sortedMillis.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sortedMillis.length) - 1;
            return sortedMillis[Math.max(0, Math.min(sortedMillis.length - 1, i))];
        }
    }

    /** The correctness verdict: alert keys and submissions, with what went wrong if anything. */
    public record Check(int expectedKeys, int foundKeys, Set<String> missing, Set<String> unexpected, Set<String> duplicated,
                        int expectedResolved, int foundResolved, Set<String> resolvedWrong, int expectedRejected,
                        boolean accounted) {
        public boolean ok() {
            return missing.isEmpty() && unexpected.isEmpty() && duplicated.isEmpty() && resolvedWrong.isEmpty() && accounted;
        }
    }

    public record Result(String runId, String bootstrapServers, String registryUrl, boolean embedded, int partitions,
                         List<SizeResult> sizes) {
        public SizeResult main() {
            return sizes.get(sizes.size() - 1);
        }

        public boolean ok() {
            return sizes.stream().allMatch(s -> s.check().ok() && (s.latency() == null || s.latency().withAlert() == s.latency().count()));
        }
    }

    private BenchRunner() {
    }

    public static Result run(Options o, PrintStream out) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        boolean embedded = o.bootstrapServers() == null;
        if (embedded != (o.schemaRegistryUrl() == null)) {
            throw new IllegalArgumentException("give both --bootstrap-servers and --schema-registry-url, or neither (embedded broker and registry)");
        }
        Path dataDir = o.dataDir();
        boolean tempDir = dataDir == null;
        LocalKafka kafka = null;
        LocalSchemaRegistry registry = null;
        try {
            if (tempDir) {
                dataDir = Files.createTempDirectory("gongkai-bench-");
            }
            String bootstrap = o.bootstrapServers();
            String registryUrl = o.schemaRegistryUrl();
            if (embedded) {
                out.println("starting the embedded broker and registry in " + dataDir + " …");
                kafka = LocalKafka.start(dataDir.resolve("kafka"));
                registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0);
                bootstrap = kafka.bootstrapServers();
                registryUrl = registry.url();
            }
            Map<String, String> flags = new HashMap<>(o.settings());
            flags.put(MonitorConfig.BOOTSTRAP_SERVERS, bootstrap);
            flags.put(MonitorConfig.SCHEMA_REGISTRY_URL, registryUrl);
            flags.put(MonitorConfig.DATA_DIR, dataDir.toString());
            flags.put(MonitorConfig.TOPIC_PARTITIONS, Integer.toString(o.partitions()));
            MonitorConfig base = MonitorConfig.load(null, Map.of(), flags);
            List<SizeResult> sizes = new ArrayList<>();
            try (HeapSampler heap = new HeapSampler()) {
                if (o.twoSizes()) {
                    int small = Math.max(10, o.agencies() / 4);
                    sizes.add(runSize(o, base, runId, "quarter", History.Settings.of(small, o.years(), o.defectRate(), o.seed()),
                            false, false, heap, out));
                }
                sizes.add(runSize(o, base, runId, "full", History.Settings.of(o.agencies(), o.years(), o.defectRate(), o.seed()),
                        true, o.latencySeconds() > 0 && o.latencyRate() > 0, heap, out));
            }
            return new Result(runId, bootstrap, registryUrl, embedded, o.partitions(), sizes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
            if (tempDir && dataDir != null) {
                deleteQuietly(dataDir);
            }
        }
    }

    private static SizeResult runSize(Options o, MonitorConfig base, String runId, String name, History.Settings settings,
                                      boolean baseline, boolean latency, HeapSampler heap, PrintStream out) {
        String prefix = "bench." + runId + "." + name + ".";
        Topics topics = Topics.withOutputPrefix(prefix + "submissions", prefix);
        MonitorConfig config = base.with(MonitorConfig.APPLICATION_ID, "bench-" + runId + "-" + name)
                .with(MonitorConfig.STATE_DIR, base.dataDir().resolve("streams-state").resolve(runId + "-" + name).toString());
        Map<String, Object> clients = config.clientProperties();
        MonitorSerdes serdes = MonitorSerdes.using(config.registryClient(), true);
        String passthroughTopic = prefix + "passthrough";
        try (Admin admin = Admin.create(clients)) {
            topics.create(admin, config.partitions(), config.replicationFactor());
            admin.createTopics(List.of(new NewTopic(passthroughTopic, config.partitions(), config.replicationFactor())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get();
            Topics.awaitLeaders(admin, List.of(passthroughTopic));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the bench topics: " + e.getMessage(), e);
        }

        History history = History.generate(settings);
        int n = history.size();
        out.printf("[%s] %d agencies × %d years (%d-%d): %d submissions; loading …%n", name, settings.agencies(), settings.years(),
                settings.firstYear(), settings.lastYear(), n);
        long loadStart = System.nanoTime();
        try (SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false)) {
            loader.sendAll(history, 0);
        }
        long loadNanos = System.nanoTime() - loadStart;

        Passthrough.Result pass = null;
        if (baseline) {
            out.printf("[%s] loaded in %.1f s; baseline passthrough …%n", name, loadNanos / 1e9);
            pass = Passthrough.run(clients, topics.submissions(), passthroughTopic, n, Duration.ofSeconds(Math.max(120, n / 50)));
        }

        out.printf("[%s] running the topology over %d submissions …%n", name, n);
        heap.reset();
        Duration timeout = Duration.ofSeconds(Math.max(180, n / 20));
        try (OutcomeCounter counter = new OutcomeCounter(clients, topics, serdes)) {
            long t0 = System.nanoTime();
            ComplianceApp app = ComplianceApp.start(config, topics);
            try {
                if (!counter.awaitDone(0, n, timeout)) {
                    throw new IllegalStateException("[" + name + "] the topology accounted for " + counter.done(0, n) + " of " + n
                            + " submissions within " + timeout + " (Kafka Streams is " + app.streams().state() + ")");
                }
                long topologyNanos = counter.lastProgressNanos() - t0;
                long steadyNanos = counter.lastProgressNanos() - counter.firstProgressNanos();
                Latency lat = null;
                History latencyHistory = null;
                if (latency) {
                    int count = o.latencyRate() * o.latencySeconds();
                    latencyHistory = History.generate(new History.Settings(count, 1, settings.lastYear(), 1.0, o.seed() + 1, 0, 0, 0, 0),
                            settings.agencies() + 1000);
                    out.printf("[%s] done in %.1f s; latency: %d reports at %d/s …%n", name, topologyNanos / 1e9, count, o.latencyRate());
                    lat = measureLatency(clients, topics, serdes, counter, latencyHistory, n, o.latencyRate());
                }
                long live = heap.liveAfterGc();
                long peak = heap.peakBytes();
                int total = n + (latencyHistory == null ? 0 : latencyHistory.size());
                counter.awaitDone(0, total, Duration.ofSeconds(30));
                if (!counter.awaitCaughtUp(Duration.ofSeconds(60))) {
                    out.printf("[%s] warning: the outcome counter did not reach the end of the output topics within 60 s%n", name);
                }
                OutcomeCounter.Snapshot snap = counter.snapshot(0, n);
                History.Expected expected = history.expected();
                Check check = check(expected, latencyHistory == null ? null : latencyHistory.expected(), snap,
                        history.count(History.Kind.GARBAGE));
                return new SizeResult(name, settings, n, history.count(History.Kind.ORIGINAL), history.count(History.Kind.CORRECTION),
                        history.count(History.Kind.DUPLICATE), history.count(History.Kind.GARBAGE), loadNanos, pass, topologyNanos,
                        steadyNanos, snap, expected, check, lat, peak, live);
            } finally {
                app.close();
            }
        }
    }

    private static Latency measureLatency(Map<String, Object> clients, Topics topics, MonitorSerdes serdes, OutcomeCounter counter,
                                          History h, int seqOffset, int rate) {
        List<History.Event> events = h.events();
        long[] sent = new long[events.size()];
        long interval = 1_000_000_000L / rate;
        try (SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), true)) {
            // Render and encode ahead, so the paced loop only sends.
            List<byte[]> values = new ArrayList<>(events.size());
            List<byte[]> keys = new ArrayList<>(events.size());
            for (History.Event e : events) {
                var s = h.submission(e);
                keys.add(s.getSource().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                values.add(serdes.submissions().serialize(topics.submissions(), s));
            }
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the offered load, not waiting for a condition
                }
                sent[i] = System.nanoTime();
                loader.sendRaw(keys.get(i), values.get(i), seqOffset + events.get(i).seq());
            }
            loader.flush();
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            long at = counter.awaitFirstAlert(seqOffset + events.get(i).seq(), Duration.ofSeconds(60));
            if (at > 0) {
                millis.add(Math.max(0, (at - sent[i]) / 1_000_000));
            }
        }
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(rate, events.size(), sorted.length, sorted);
    }

    /** Compares what the topology wrote with what was injected; latency reports (if any) are part of the expectation. */
    public static Check check(History.Expected expected, History.Expected extra, OutcomeCounter.Snapshot snap, long expectedRejected) {
        Set<String> want = new LinkedHashSet<>(expected.raised());
        Set<String> wantResolved = new LinkedHashSet<>(expected.resolved());
        if (extra != null) {
            want.addAll(extra.raised());
            wantResolved.addAll(extra.resolved());
        }
        Set<String> found = snap.raised().keySet();
        Set<String> missing = new TreeSet<>(want);
        missing.removeAll(found);
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(want);
        Set<String> duplicated = new TreeSet<>();
        snap.raised().forEach((k, v) -> {
            if (v != 1) {
                duplicated.add(k + " ×" + v);
            }
        });
        snap.resolved().forEach((k, v) -> {
            if (v != 1) {
                duplicated.add(k + " resolved ×" + v);
            }
        });
        Set<String> resolvedWrong = new TreeSet<>(wantResolved);
        resolvedWrong.removeAll(snap.resolved().keySet());
        Set<String> extraResolved = new TreeSet<>(snap.resolved().keySet());
        extraResolved.removeAll(wantResolved);
        resolvedWrong.addAll(extraResolved);
        boolean accounted = snap.unaccounted() == 0 && snap.parsedAndRejected() == 0 && snap.rejected() == expectedRejected
                && snap.twice() == 0;
        return new Check(want.size(), found.size(), missing, unexpected, duplicated, wantResolved.size(), snap.resolved().size(),
                resolvedWrong, (int) expectedRejected, accounted);
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a temp directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
