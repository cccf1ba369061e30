package gongkai.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real broker and a registry on 127.0.0.1, with state under one data
 * directory, which it locks ({@link DataDirLock}). While it runs, {@value #ENV_FILE} in that directory
 * says where they are and which process serves them, so other commands started in another terminal
 * find them without flags, and ignore the file when a killed demo left it behind.
 */
public final class EmbeddedCluster implements AutoCloseable {
    public static final String ENV_FILE = "embedded.env";
    static final String PID = "GONGKAI_EMBEDDED_PID";
    static final String STARTED = "GONGKAI_EMBEDDED_STARTED";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    private final DataDirLock lock;
    private final LocalKafka kafka;
    private final LocalSchemaRegistry registry;
    private final Path envFile;

    private EmbeddedCluster(DataDirLock lock, LocalKafka kafka, LocalSchemaRegistry registry, Path envFile) {
        this.lock = lock;
        this.kafka = kafka;
        this.registry = registry;
        this.envFile = envFile;
    }

    /** @throws IllegalStateException if another monitor runs on {@code dataDir}, or it cannot be written */
    public static EmbeddedCluster start(Path dataDir) {
        DataDirLock lock = DataDirLock.acquire(dataDir);
        // A broker that has never run has no transactions to be left open: the check (which waits for the
        // transaction coordinator to load) is for restarts only.
        boolean restart = Files.isDirectory(dataDir.resolve("kafka"));
        LocalKafka kafka;
        try {
            kafka = LocalKafka.start(dataDir.resolve("kafka"));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        if (restart) {
            abortHangingTransactions(kafka);
        }
        Path portFile = dataDir.resolve("registry.port");
        LocalSchemaRegistry registry;
        try {
            int port = Files.exists(portFile) ? Integer.parseInt(Files.readString(portFile).trim()) : 0;
            try {
                registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), port);
            } catch (IllegalStateException portTaken) {
                registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0);
            }
            Files.writeString(portFile, Integer.toString(java.net.URI.create(registry.url()).getPort()));
            Path env = dataDir.resolve(ENV_FILE);
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(env, "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers() + "\nSCHEMA_REGISTRY_URL=" + registry.url() + "\n"
                    + PID + "=" + self.pid() + "\n" + STARTED + "=" + self.info().startInstant().map(Object::toString).orElse("") + "\n",
                    StandardCharsets.UTF_8);
            return new EmbeddedCluster(lock, kafka, registry, env);
        } catch (IOException e) {
            kafka.close();
            lock.close();
            throw new UncheckedIOException("cannot write the embedded cluster's files in " + dataDir, e);
        }
    }

    /** Before any client runs: a kill -9 may have left transactions open that no coordinator will finish. */
    private static void abortHangingTransactions(LocalKafka kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            HangingTransactions.abort(admin, LocalKafka.TRANSACTION_LOG_PARTITIONS);
        } catch (ExecutionException | RuntimeException e) {
            log.warn("could not check for transactions left open by an unclean stop: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The addresses written by a running embedded cluster in this data directory, or an empty map: also when
     * the file was left behind by a demo that no longer runs (killed), whose ports nobody serves.
     */
    public static Map<String, String> readEnv(Path dataDir) {
        Map<String, String> env = new java.util.HashMap<>(readEnvFile(dataDir));
        if (env.isEmpty()) {
            return env;
        }
        if (!written(env)) {
            log.warn("ignoring {}: the demo that wrote it (process {}) is no longer running", dataDir.resolve(ENV_FILE),
                    env.getOrDefault(PID, "?"));
            return Map.of();
        }
        env.remove(PID);
        env.remove(STARTED);
        return env;
    }

    /** Whether the process that wrote the file still runs (the same process: same pid and start time). */
    private static boolean written(Map<String, String> env) {
        try {
            Optional<ProcessHandle> writer = ProcessHandle.of(Long.parseLong(env.getOrDefault(PID, "")));
            String started = env.getOrDefault(STARTED, "");
            return writer.isPresent() && writer.get().isAlive()
                    && (started.isEmpty() || writer.get().info().startInstant().map(Object::toString).orElse("").equals(started));
        } catch (NumberFormatException noPid) {
            return false;
        }
    }

    private static Map<String, String> readEnvFile(Path dataDir) {
        Path env = dataDir.resolve(ENV_FILE);
        if (!Files.exists(env)) {
            return Map.of();
        }
        try {
            Map<String, String> out = new java.util.HashMap<>();
            for (String line : Files.readAllLines(env, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            return out;
        } catch (IOException e) {
            return Map.of();
        }
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(envFile);
        } catch (IOException ignored) {
            // a stale file only points at ports nobody listens on; the next start rewrites it
        }
        registry.close();
        kafka.close();
        lock.close();
    }
}
