package gongkai.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) on 127.0.0.1, run inside
 * this JVM. Used by the embedded run mode and by integration tests.
 *
 * <p>Its log directory lives under the given data directory. The first start formats it and picks
 * free ports; later starts reuse the same cluster id and ports (kept in {@code local-kafka.properties}),
 * so topics, offsets and the bootstrap address all survive a restart.
 */
public final class LocalKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    /** Partitions of the transaction state log ({@code transaction.state.log.num.partitions}). */
    public static final int TRANSACTION_LOG_PARTITIONS = 5;

    private final Path dataDir;
    private final int brokerPort;
    private final KafkaRaftServer server;
    private final BrokerSecurity security;
    private boolean closed;

    private LocalKafka(Path dataDir, int brokerPort, KafkaRaftServer server, BrokerSecurity security) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.server = server;
        this.security = security;
    }

    /** Starts a broker on free ports (or the ports of an earlier run in the same directory) and waits until it serves requests. */
    public static LocalKafka start(Path dataDir) {
        return start(dataDir, 0);
    }

    /** As {@link #start(Path)}, with a fixed broker port for a fresh directory (0 picks a free one). */
    public static LocalKafka start(Path dataDir, int requestedPort) {
        return start(dataDir, requestedPort, null);
    }

    /** A broker whose only client listener is SASL_SSL with ACLs (see {@link BrokerSecurity}); null for the open one. */
    public static LocalKafka start(Path dataDir, BrokerSecurity security) {
        return start(dataDir, 0, security);
    }

    private static LocalKafka start(Path dataDir, int requestedPort, BrokerSecurity security) {
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("kraft-logs");
            Path stateFile = dataDir.resolve("local-kafka.properties");
            Properties state = new Properties();
            boolean formatted = Files.exists(stateFile) && Files.exists(logDir.resolve("meta.properties"));
            if (formatted) {
                try (var in = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
                    state.load(in);
                }
            } else {
                state.setProperty("cluster.id", Uuid.randomUuid().toString());
                state.setProperty("broker.port", Integer.toString(requestedPort > 0 ? requestedPort : freePort()));
                state.setProperty("controller.port", Integer.toString(freePort()));
            }
            int brokerPort = Integer.parseInt(state.getProperty("broker.port"));
            int controllerPort = Integer.parseInt(state.getProperty("controller.port"));
            if (formatted && (!isFree(brokerPort) || !isFree(controllerPort))) {
                throw new IllegalStateException("The local Kafka in " + dataDir + " uses ports " + brokerPort + " and "
                        + controllerPort + " but one of them is taken: is another monitor running on the same data directory?");
            }
            Properties props = brokerProperties(logDir, brokerPort, controllerPort);
            if (security != null) {
                props.putAll(security.brokerProperties(brokerPort, controllerPort));
            }
            if (!formatted) {
                Files.createDirectories(logDir);
                new Formatter()
                        .setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                        .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                        .setNodeId(1)
                        .setClusterId(state.getProperty("cluster.id"))
                        .setDirectories(java.util.List.of(logDir.toString()))
                        .setMetadataLogDirectory(logDir.toString())
                        .setControllerListenerName("CONTROLLER")
                        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                        .setScramArguments(security == null ? java.util.List.of() : security.scramArguments())
                        .run();
                try (var out = Files.newBufferedWriter(stateFile, StandardCharsets.UTF_8)) {
                    state.store(out, "Gongkai Monitor local Kafka: cluster id and ports, reused on restart");
                }
            }
            sayWhyOnHalt(dataDir);
            Instant started = Instant.now();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            LocalKafka kafka = new LocalKafka(dataDir, brokerPort, server, security);
            kafka.awaitReady(Duration.ofSeconds(60));
            log.info("local Kafka ready at {} (data in {}, {} ms)", kafka.bootstrapServers(), logDir,
                    Duration.between(started, Instant.now()).toMillis());
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the local Kafka data directory " + dataDir, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the local Kafka log directory in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The broker stops the whole JVM on a fatal storage error (a log directory that turned read-only or full) with
     * its reason only in its own log, which the monitor keeps quiet: the user saw the process vanish. The reason
     * goes to stderr first.
     */
    private static void sayWhyOnHalt(Path dataDir) {
        Exit.setHaltProcedure((status, message) -> {
            System.err.println("error: the embedded Kafka broker stopped the process (status " + status + "): " + message
                    + "\n       is the data directory " + dataDir.toAbsolutePath() + " writable, with space left?");
            System.err.flush();
            Runtime.getRuntime().halt(status);
        });
        Exit.setExitProcedure((status, message) -> {
            System.err.println("error: the embedded Kafka broker exits (status " + status + "): " + message);
            System.err.flush();
            System.exit(status);
        });
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("log.dirs", logDir.toString()),
                Map.entry("metadata.log.dir", logDir.toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", Integer.toString(TRANSACTION_LOG_PARTITIONS)),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("log.flush.interval.messages", "1000"),
                Map.entry("broker.session.timeout.ms", "4000"),
                Map.entry("broker.heartbeat.interval.ms", "500")));
        return p;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (security != null) {
            p.putAll(security.clientProperties(BrokerSecurity.BROKER_USER));
        }
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        RuntimeException last = null;
        try (Admin admin = Admin.create(p)) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    last = new IllegalStateException(e.getMessage(), e);
                }
                // Back off between polls: the broker needs a moment to elect itself leader.
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker to start", e);
                }
            }
        }
        throw new IllegalStateException("local Kafka at " + bootstrapServers() + " did not become ready within " + timeout, last);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("local Kafka at {} stopped", bootstrapServers());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

}
