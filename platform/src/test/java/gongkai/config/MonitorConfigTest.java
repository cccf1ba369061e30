package gongkai.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import gongkai.avro.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a setting comes from, as the README promises: the defaults, overridden by the config file, overridden by the
 * environment ({@code KAFKA_*}, {@code GONGKAI_*}, {@code SCHEMA_REGISTRY_URL}), overridden by the command line.
 */
class MonitorConfigTest {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("monitor.properties");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void withNothingGivenTheDefaultsHold() {
        MonitorConfig c = MonitorConfig.load(null, Map.of(), Map.of());
        assertEquals("gongkai-monitor", c.applicationId());
        assertEquals(6, c.partitions());
        assertEquals(Path.of("data"), c.dataDir());
        assertEquals("exactly_once_v2", c.get("processing.guarantee"));
    }

    @Test
    void eachLayerOverridesTheOneBelowAndLeavesTheRest() throws IOException {
        Path file = file("bootstrap.servers=file:9092", "topic.partitions=3", "application.id=from-file", "data.dir=/srv/file",
                "schema.registry.url=http://file:8081");
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092", "GONGKAI_TOPIC_PARTITIONS", "4",
                "SCHEMA_REGISTRY_URL", "http://env:8081");
        Map<String, String> flags = Map.of(MonitorConfig.BOOTSTRAP_SERVERS, "flag:9092");

        MonitorConfig fileOnly = MonitorConfig.load(file, Map.of(), Map.of());
        assertEquals("file:9092", fileOnly.bootstrapServers());
        assertEquals(3, fileOnly.partitions(), "the file over the default of 6");

        MonitorConfig withEnv = MonitorConfig.load(file, env, Map.of());
        assertEquals("env:9092", withEnv.bootstrapServers(), "KAFKA_BOOTSTRAP_SERVERS over the file");
        assertEquals(4, withEnv.partitions(), "GONGKAI_TOPIC_PARTITIONS over the file");
        assertEquals("http://env:8081", withEnv.schemaRegistryUrl(), "SCHEMA_REGISTRY_URL over the file");

        MonitorConfig all = MonitorConfig.load(file, env, flags);
        assertEquals("flag:9092", all.bootstrapServers(), "the command line over the environment");
        assertEquals(4, all.partitions(), "what no flag gives stays as the environment set it");
        assertEquals("from-file", all.applicationId(), "what only the file gives stays as the file set it");
        assertEquals(Path.of("/srv/file"), all.dataDir());
        assertEquals("100", all.get("commit.interval.ms"), "what nobody gives keeps its default");
    }

    @Test
    void aFlagNotGivenDoesNotEraseTheLayersBelow() {
        Map<String, String> flags = new HashMap<>();
        flags.put(MonitorConfig.BOOTSTRAP_SERVERS, null); // an option the user left out
        MonitorConfig c = MonitorConfig.load(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "env:9092"), flags);
        assertEquals("env:9092", c.bootstrapServers());
    }

    @Test
    void environmentNamesMapToSettingNamesAndOtherVariablesAreIgnored() {
        MonitorConfig c = MonitorConfig.load(null, Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "GONGKAI_PARSER_BUDGET_MS", "1500",
                "GONGKAI_RULES_SEVERITY_R_CELL_01", "ERROR", "PATH", "/usr/bin", "KAFKA_", "nameless"), Map.of());
        assertEquals("SASL_SSL", c.get("security.protocol"));
        assertEquals(1500, c.parseBudgetMillis());
        assertEquals(Map.of("R-CELL-01", Severity.ERROR), c.severityOverrides(), "rule ids keep their dashes and capitals");
        assertFalse(c.asMap().containsKey("path") || c.asMap().containsKey(""), c.asMap().toString());
    }

    @Test
    void monitorSettingsStayOutOfTheKafkaClientsProperties() throws IOException {
        MonitorConfig c = MonitorConfig.load(file("topic.partitions=3", "linger.ms=5"), Map.of(),
                Map.of(MonitorConfig.BOOTSTRAP_SERVERS, "flag:9092", MonitorConfig.SCHEMA_REGISTRY_URL, "http://flag:8081"));
        assertFalse(c.kafkaProperties().containsKey(MonitorConfig.TOPIC_PARTITIONS));
        assertFalse(c.kafkaProperties().containsKey(MonitorConfig.SCHEMA_REGISTRY_URL));
        assertEquals("5", c.kafkaProperties().get("linger.ms"), "a client setting from the file reaches the clients");
        assertEquals("flag:9092", c.clientProperties().get(MonitorConfig.BOOTSTRAP_SERVERS));
    }

    @Test
    void anUnreadableFileIsNamedInTheError() {
        Path missing = dir.resolve("no-such.properties");
        var e = assertThrows(IllegalArgumentException.class, () -> MonitorConfig.load(missing, Map.of(), Map.of()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
