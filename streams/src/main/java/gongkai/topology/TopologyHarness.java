package gongkai.topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.avro.ReportVerdict;
import gongkai.avro.RosterEntry;
import gongkai.config.MonitorConfig;
import gongkai.topics.MonitorSerdes;
import gongkai.topics.SubmissionWindow;
import gongkai.serde.InMemorySchemaRegistryClient;
import gongkai.topics.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The monitor's topology run in-process on Kafka's {@link TopologyTestDriver}, built and configured from a
 * {@link MonitorConfig} exactly as {@link ComplianceApp} runs it on a cluster (its streams properties, parser and rule
 * catalog), with no broker and an in-memory schema registry of its own ({@code registryScope}). What {@code check}
 * runs, and what the topology tests run, so that neither drifts from the application. The monitor's topics are
 * created once on the driver, as the components a test writes to and reads from.
 */
public record TopologyHarness(TopologyTestDriver driver, Topics topics, MonitorSerdes serdes, String registryScope,
                              TestInputTopic<String, ReportSubmission> submissions, TestInputTopic<String, RosterEntry> roster,
                              TestInputTopic<String, AlertReview> reviews, TestOutputTopic<String, DisclosureReport> parsed,
                              TestOutputTopic<String, RejectedSubmission> rejected, TestOutputTopic<String, ComplianceAlert> alertEvents,
                              TestOutputTopic<String, ComplianceAlert> openAlerts, TestOutputTopic<String, ReportVerdict> verdicts)
        implements AutoCloseable {

    private static TopologyHarness start(MonitorConfig config, Path stateDir, SubmissionWindow window, Supplier<Instant> clock) {
        String scope = "harness-" + UUID.randomUUID();
        Topics topics = Topics.live();
        MonitorConfig inProcess = config.with(MonitorConfig.BOOTSTRAP_SERVERS, "in-process:0")
                .with(MonitorConfig.SCHEMA_REGISTRY_URL, "mock://" + scope)
                .with(MonitorConfig.STATE_DIR, stateDir.toString());
        MonitorSerdes serdes = MonitorSerdes.forConfig(inProcess);
        Properties properties = ComplianceApp.streamsProperties(inProcess, topics);
        // The driver has no transactions to make exactly-once: under it, records a handler sends (the dead letters of
        // poison bytes) stay in a transaction the driver never commits, and would never be seen.
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        TopologyTestDriver d = new TopologyTestDriver(ComplianceTopology.build(topics, serdes, inProcess.parser(),
                ComplianceApp.rules(inProcess), window, clock), properties);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keysOut = new StringDeserializer();
        return new TopologyHarness(d, topics, serdes, scope,
                d.createInputTopic(topics.submissions(), keys, serdes.submissions().serializer()),
                d.createInputTopic(topics.roster(), keys, serdes.roster().serializer()),
                d.createInputTopic(topics.reviews(), keys, serdes.reviews().serializer()),
                d.createOutputTopic(topics.parsed(), keysOut, serdes.reports().deserializer()),
                d.createOutputTopic(topics.rejected(), keysOut, serdes.rejected().deserializer()),
                d.createOutputTopic(topics.alertEvents(), keysOut, serdes.alerts().deserializer()),
                d.createOutputTopic(topics.openAlerts(), keysOut, serdes.alerts().deserializer()),
                d.createOutputTopic(topics.verdicts(), keysOut, serdes.verdicts().deserializer()));
    }

    /** The topology as {@code config} configures it over the whole submission log, keeping its state under {@code stateDir}. */
    public static TopologyHarness start(MonitorConfig config, Path stateDir) {
        return start(config, stateDir, SubmissionWindow.ALL, Instant::now);
    }

    /** With the default settings. */
    public static TopologyHarness start(Path stateDir) {
        return start(defaults(), stateDir);
    }

    /** With the default settings and {@code clock} as the roster check's "now", so a test can move past a deadline. */
    public static TopologyHarness start(Path stateDir, Supplier<Instant> clock) {
        return start(defaults(), stateDir, SubmissionWindow.ALL, clock);
    }

    /** As a replay runs it: only the submissions in {@code window}, with {@code clock} as "now". */
    public static TopologyHarness replay(Path stateDir, SubmissionWindow window, Supplier<Instant> clock) {
        return start(defaults(), stateDir, window, clock);
    }

    private static MonitorConfig defaults() {
        return MonitorConfig.load(null, Map.of(), Map.of());
    }

    /** Sends a submission as the publisher does: keyed by its source, at the time it was received. */
    public void submit(ReportSubmission s) {
        submissions.pipeInput(s.getSource(), s, s.getReceivedAt());
    }

    /** Another view of a topic, for what the components do not cover: raw bytes on the submission topic. */
    public <V> TestInputTopic<String, V> input(String topic, Serializer<V> values) {
        return driver.createInputTopic(topic, new StringSerializer(), values);
    }

    @Override
    public void close() {
        driver.close();
        InMemorySchemaRegistryClient.drop(registryScope);
    }
}
