package gongkai.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import gongkai.config.MonitorConfig;
import gongkai.local.EmbeddedCluster;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that talk to a cluster. Config order: defaults &lt; the addresses
 * of a running {@code ./monitor demo} in the data directory &lt; {@code --config} file &lt;
 * environment ({@code KAFKA_*}, {@code SCHEMA_REGISTRY_URL}, {@code GONGKAI_*}) &lt; flags.
 */
public final class ClusterOptions {
    @Option(names = {"-b", "--bootstrap-servers"}, description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS).")
    String bootstrapServers;

    @Option(names = {"-r", "--schema-registry-url"}, description = "Confluent-compatible schema registry URL (env SCHEMA_REGISTRY_URL).")
    String schemaRegistryUrl;

    @Option(names = {"-c", "--config"}, description = "Properties file (Kafka Streams/client settings and monitor settings).")
    Path configFile;

    @Option(names = "--data-dir", description = "Data directory of the embedded broker and of local state (default: ${DEFAULT-VALUE}).",
            defaultValue = "data")
    Path dataDir;

    @Option(names = {"-s", "--set"}, description = "Any setting as key=value, e.g. --set rules.severity.R-CELL-01=INFO (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    /**
     * The merged configuration of a cluster and registry that answered: fails within
     * {@code connect.timeout.ms} (exit 3) naming the address that did not.
     */
    public MonitorConfig load() {
        MonitorConfig config = settings();
        gongkai.config.Reachability.check(config);
        return config;
    }

    /**
     * The merged configuration without asking the cluster: for the work a command does before it needs one (reading
     * and fetching its inputs, a dry run), so that a bad input is reported as such, not as an unreachable cluster.
     */
    public MonitorConfig settings() {
        Map<String, String> env = new HashMap<>();
        // A running demo's addresses come first, so that everything else can override them.
        EmbeddedCluster.readEnv(dataDir).forEach(env::put);
        env.putAll(System.getenv());
        Map<String, String> flags = new HashMap<>(settings);
        flags.put(MonitorConfig.DATA_DIR, dataDir.toString());
        if (bootstrapServers != null) {
            flags.put(MonitorConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            flags.put(MonitorConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return MonitorConfig.load(configFile, env, flags);
    }
}
