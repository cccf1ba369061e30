package gongkai.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import gongkai.avro.Severity;
import gongkai.parse.ReportParser;
import gongkai.topics.RecordLimits;
import gongkai.serde.RegistrySettings;
import gongkai.serde.SchemaRegistryClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * All configuration in one place, merged in one order (as bakdata's streams-bootstrap does):
 * built-in defaults &lt; properties file &lt; environment variables &lt; command-line flags.
 *
 * <p>Environment: {@code KAFKA_BOOTSTRAP_SERVERS} and {@code SCHEMA_REGISTRY_URL} by name; any other
 * {@code KAFKA_FOO_BAR} becomes the Kafka client/Streams setting {@code foo.bar}; any
 * {@code GONGKAI_FOO_BAR} becomes the monitor setting {@code foo.bar}.
 */
public final class MonitorConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER = "auto.register.schemas";
    public static final String APPLICATION_ID = "application.id";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION = "topic.replication.factor";
    public static final String STATE_DIR = "state.dir";
    public static final String DATA_DIR = "data.dir";
    public static final String MAX_DOCUMENT_BYTES = "parser.max.document.bytes";
    public static final String PARSE_BUDGET_MS = "parser.budget.ms";
    public static final String SEVERITY_PREFIX = "rules.severity.";
    /** Where {@code run} and {@code demo} serve Prometheus metrics: address (default 127.0.0.1) and port (9404; 0 any free, -1 off). */
    public static final String METRICS_HOST = "metrics.host";
    public static final String METRICS_PORT = "metrics.port";

    /** How long a command waits for the cluster or the registry to answer before it gives up (exit 3). */
    public static final String CONNECT_TIMEOUT = "connect.timeout.ms";

    /** Settings that belong to the monitor rather than to the Kafka clients. */
    private static final java.util.Set<String> MONITOR_KEYS = java.util.Set.of(SCHEMA_REGISTRY_URL, AUTO_REGISTER,
            TOPIC_PARTITIONS, TOPIC_REPLICATION, DATA_DIR, MAX_DOCUMENT_BYTES, PARSE_BUDGET_MS, METRICS_HOST, METRICS_PORT,
            CONNECT_TIMEOUT);

    private final Map<String, String> values;

    private MonitorConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Map<String, String> defaults() {
        Map<String, String> d = new HashMap<>();
        d.put(APPLICATION_ID, "gongkai-monitor");
        d.put(AUTO_REGISTER, "true");
        d.put(TOPIC_PARTITIONS, "6");
        d.put(TOPIC_REPLICATION, "-1"); // from the cluster: 3 with min.insync.replicas=2 on three or more brokers, else 1
        d.put(DATA_DIR, "data");
        d.put(MAX_DOCUMENT_BYTES, Long.toString(ReportParser.DEFAULT_MAX_BYTES));
        d.put(PARSE_BUDGET_MS, Long.toString(ReportParser.DEFAULT_BUDGET_MS));
        d.put(CONNECT_TIMEOUT, "15000");
        d.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        d.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
        // Scale-out: a standby costs nothing on a lone instance (it is never placed beside its active task) and lets a
        // surviving instance take over a dead one's tasks from a warm copy instead of replaying the whole changelog.
        d.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1");
        // Opt in now to what Kafka 5.0 makes the default, rather than log a warning at every start.
        d.put("processing.exception.handler.global.enabled", "true");
        return d;
    }

    /**
     * @param file  optional properties file (null for none)
     * @param env   the process environment
     * @param flags settings given on the command line (already as setting names)
     */
    public static MonitorConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>(defaults());
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the config file " + file + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().forEach(k -> merged.put(k, p.getProperty(k).trim()));
        }
        merged.putAll(fromEnvironment(env));
        flags.forEach((k, v) -> {
            if (v != null) {
                merged.put(k, v);
            }
        });
        return new MonitorConfig(merged);
    }

    static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.equals("SCHEMA_REGISTRY_URL")) {
                out.put(SCHEMA_REGISTRY_URL, value);
            } else if (name.startsWith("KAFKA_") && name.length() > 6) {
                out.put(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            } else if (name.startsWith("GONGKAI_") && name.length() > 8) {
                String key = name.substring(8).toLowerCase(Locale.ROOT).replace('_', '.');
                // Rule ids contain dashes (R-CELL-01), which environment names cannot: RULES_SEVERITY_R_CELL_01.
                if (key.startsWith(SEVERITY_PREFIX)) {
                    key = SEVERITY_PREFIX + key.substring(SEVERITY_PREFIX.length()).toUpperCase(Locale.ROOT).replace('.', '-');
                }
                out.put(key, value);
            }
        });
        return out;
    }

    public String get(String key) {
        return values.get(key);
    }

    public String require(String key, String hint) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(key + " is not set: " + hint);
        }
        return v;
    }

    public String bootstrapServers() {
        return require(BOOTSTRAP_SERVERS, "give --bootstrap-servers, or set KAFKA_BOOTSTRAP_SERVERS");
    }

    public String schemaRegistryUrl() {
        return require(SCHEMA_REGISTRY_URL, "give --schema-registry-url, or set SCHEMA_REGISTRY_URL");
    }

    public boolean autoRegisterSchemas() {
        return Boolean.parseBoolean(values.getOrDefault(AUTO_REGISTER, "true"));
    }

    public String applicationId() {
        return values.get(APPLICATION_ID);
    }

    public int partitions() {
        return Integer.parseInt(values.get(TOPIC_PARTITIONS));
    }

    public short replicationFactor() {
        return Short.parseShort(values.get(TOPIC_REPLICATION));
    }

    public Path dataDir() {
        return Path.of(values.get(DATA_DIR));
    }

    public long maxDocumentBytes() {
        return Long.parseLong(values.get(MAX_DOCUMENT_BYTES));
    }

    /** The wall-clock time one document may take to parse before it is rejected as TOO_COMPLEX. */
    public long parseBudgetMillis() {
        return Long.parseLong(values.get(PARSE_BUDGET_MS));
    }

    /** The record sizes every topic and producer needs for documents up to {@link #maxDocumentBytes()}. */
    public RecordLimits recordLimits() {
        return new RecordLimits(maxDocumentBytes());
    }

    /** The parser as configured: document limit and time budget. */
    public ReportParser parser() {
        return new ReportParser(maxDocumentBytes(), parseBudgetMillis());
    }

    /** {@value #CONNECT_TIMEOUT}: how long to wait for the cluster or registry before saying it is unreachable. */
    public java.time.Duration connectTimeout() {
        String v = values.getOrDefault(CONNECT_TIMEOUT, "15000").trim();
        try {
            long ms = Long.parseLong(v);
            if (ms > 0) {
                return java.time.Duration.ofMillis(ms);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(CONNECT_TIMEOUT + "=" + v + ": must be a positive number of milliseconds");
    }

    /**
     * The registry client, with the credentials and TLS settings Confluent's serializers take
     * ({@code basic.auth.*}, {@code bearer.auth.*}, {@code schema.registry.ssl.*}; see {@link RegistrySettings}).
     */
    public SchemaRegistryClient registryClient() {
        return SchemaRegistryClient.connect(schemaRegistryUrl(), values, connectTimeout());
    }

    /** Per-rule severity overrides, from settings such as {@code rules.severity.R-CELL-01=INFO}. */
    public Map<String, Severity> severityOverrides() {
        Map<String, Severity> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(SEVERITY_PREFIX)) {
                try {
                    out.put(k.substring(SEVERITY_PREFIX.length()), Severity.valueOf(v.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(k + "=" + v + ": severity must be INFO, WARNING or ERROR", e);
                }
            }
        });
        return out;
    }

    /** Settings for Kafka Streams and its clients: everything that is not a monitor setting. */
    public Properties kafkaProperties() {
        Properties p = new Properties();
        values.forEach((k, v) -> {
            if (!MONITOR_KEYS.contains(k) && !k.startsWith(SEVERITY_PREFIX) && !k.startsWith("deadline.")) {
                p.put(k, v);
            }
        });
        if (!p.containsKey(STATE_DIR)) {
            p.put(STATE_DIR, dataDir().resolve("streams-state").toString());
        }
        // Every producer (submit, crawl, the topology's) must be able to send a document at the limit.
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(recordLimits().maxRecordBytes()));
        return p;
    }

    /**
     * Settings for a plain producer, consumer or admin client (no Streams-only keys, which the clients
     * would warn about), always with the bootstrap servers.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put(BOOTSTRAP_SERVERS, bootstrapServers());
        kafkaProperties().forEach((k, v) -> {
            String key = k.toString();
            if (ProducerConfig.configNames().contains(key) || ConsumerConfig.configNames().contains(key)) {
                p.put(key, v);
            }
        });
        return p;
    }

    public MonitorConfig with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new MonitorConfig(copy);
    }

    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** Every setting, with secrets masked ({@link Secrets}): what may be printed or logged. */
    public Map<String, String> masked() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, Secrets.mask(k, v)));
        return out;
    }

    @Override
    public String toString() {
        return masked().toString();
    }
}
