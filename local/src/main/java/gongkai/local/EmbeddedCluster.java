package gongkai.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded default: a real broker and a registry on 127.0.0.1, with state under one data
 * directory. While it runs, {@value #ENV_FILE} in that directory says where they are, so other
 * commands started in another terminal find them without flags.
 */
public final class EmbeddedCluster implements AutoCloseable {
    public static final String ENV_FILE = "embedded.env";

    private final LocalKafka kafka;
    private final LocalSchemaRegistry registry;
    private final Path envFile;

    private EmbeddedCluster(LocalKafka kafka, LocalSchemaRegistry registry, Path envFile) {
        this.kafka = kafka;
        this.registry = registry;
        this.envFile = envFile;
    }

    public static EmbeddedCluster start(Path dataDir) {
        LocalKafka kafka = LocalKafka.start(dataDir.resolve("kafka"));
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
            Files.writeString(env, "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers() + "\nSCHEMA_REGISTRY_URL=" + registry.url() + "\n",
                    StandardCharsets.UTF_8);
            return new EmbeddedCluster(kafka, registry, env);
        } catch (IOException e) {
            kafka.close();
            throw new UncheckedIOException("cannot write the embedded cluster's files in " + dataDir, e);
        }
    }

    /** The addresses written by a running embedded cluster in this data directory, or an empty map. */
    public static Map<String, String> readEnv(Path dataDir) {
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
    }
}
