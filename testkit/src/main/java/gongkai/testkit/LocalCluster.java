package gongkai.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import gongkai.local.EmbeddedCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real KRaft broker and the monitor's own schema registry on 127.0.0.1 (the {@code demo}'s {@link EmbeddedCluster},
 * so commands given {@code --data-dir} {@link #dataDir()} find them), optionally the independent Apicurio registry
 * beside them, for one test class or one test:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LocalCluster cluster = new LocalCluster();   // one cluster for the class
 * &#64;RegisterExtension
 * final LocalCluster cluster = new LocalCluster();          // a fresh one for each test
 * </pre>
 *
 * Whatever a test starts on it (the topology, a dashboard) can be handed to {@link #closeAfter}: it is closed
 * before the cluster, in the reverse order, so no test repeats the start and stop choreography.
 */
public final class LocalCluster implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** How long a read waits for what a test expects to arrive: generous, as CI machines are loaded. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String apicurioLog;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private boolean perClass;
    private Path dir;
    private EmbeddedCluster cluster;
    private ApicurioRegistry apicurio;

    public LocalCluster() {
        this(null);
    }

    private LocalCluster(String apicurioLog) {
        this.apicurioLog = apicurioLog;
    }

    /**
     * Also starts Apicurio ({@link #apicurioUrl()}), logging to {@code target/apicurio-<name>.log}: for the tests that
     * prove the monitor against a registry that is not its own.
     */
    public static LocalCluster withApicurio(String name) {
        return new LocalCluster("apicurio-" + name + ".log");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void start() {
        try {
            dir = Files.createTempDirectory("gongkai-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cluster = EmbeddedCluster.start(dataDir());
        if (apicurioLog != null) {
            apicurio = ApicurioRegistry.start(Path.of("target", apicurioLog));
        }
    }

    private void stop() {
        List<Exception> failures = new ArrayList<>();
        while (!owned.isEmpty()) {
            closeQuietly(owned.pop(), failures);
        }
        closeQuietly(apicurio, failures);
        closeQuietly(cluster, failures);
        apicurio = null;
        cluster = null;
        deleteRecursively(dir);
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("closing what the test started failed: " + failures);
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable c, List<Exception> failures) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException leftBehind) {
            // a temporary directory: the operating system's clean-up takes what is left
        }
    }

    /** Closes {@code resource} when the cluster stops, before it and before what was handed over earlier. */
    public <T extends AutoCloseable> T closeAfter(T resource) {
        owned.push(resource);
        return resource;
    }

    public String bootstrapServers() {
        return running().bootstrapServers();
    }

    /** The monitor's own registry, the one {@code demo} runs. */
    public String registryUrl() {
        return running().schemaRegistryUrl();
    }

    public String apicurioUrl() {
        if (apicurio == null) {
            throw new IllegalStateException("no Apicurio here: register LocalCluster.withApicurio(name)");
        }
        return apicurio.url();
    }

    /** The data directory the cluster runs in and writes its {@code embedded.env} to: what {@code --data-dir} takes. */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** A fresh directory beside the data directory, for what a test writes of its own (state of a second instance, outputs). */
    public Path newDirectory(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings a monitor needs to run on this cluster, by their names in a config file (defaults for the rest):
     * its broker, its own registry, its data directory, {@code partitions} partitions per topic.
     */
    public Map<String, String> monitorSettings(int partitions) {
        Map<String, String> s = new HashMap<>();
        s.put("bootstrap.servers", bootstrapServers());
        s.put("schema.registry.url", registryUrl());
        s.put("data.dir", dataDir().toString());
        s.put("topic.partitions", Integer.toString(partitions));
        return s;
    }

    /** A mutable map with the bootstrap servers, for a producer, consumer or admin client. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        return p;
    }

    public Admin admin() {
        return Admin.create(clientProperties());
    }

    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keys, Serializer<V> values) {
        return new KafkaProducer<>(clientProperties(), keys, values);
    }

    /** Creates the topics (one replica: there is one broker) and returns once they exist. */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            admin.createTopics(Stream.of(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + List.of(names) + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + List.of(names), e);
        }
    }

    /**
     * Everything committed on {@code topic} from its start, read as a user of the monitor reads it (read_committed, a
     * group of its own), until {@code until} holds of what was read (within {@link #READ_TIMEOUT}, else the test
     * fails naming {@code what}), then whatever else is already there.
     */
    public <V> List<ConsumerRecord<String, V>> readCommitted(String topic, Deserializer<V> values, String what,
                                                             Predicate<List<ConsumerRecord<String, V>>> until) {
        Map<String, Object> p = clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            await(what + " on " + topic).atMost(READ_TIMEOUT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(300)).forEach(out::add);
                        return until.test(out);
                    });
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }

    private EmbeddedCluster running() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster is not running: register LocalCluster with @RegisterExtension"
                    + " (static for one per class) and use it from a test or a @BeforeAll/@BeforeEach method");
        }
        return cluster;
    }
}
