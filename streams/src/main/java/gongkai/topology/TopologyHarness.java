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
import org.apache.kafka.common.serialization.Deserializer;
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
 * catalog), with no broker and an in-memory schema registry of its own. What {@code check} runs, and what the
 * topology tests run, so that neither drifts from the application.
 */
public final class TopologyHarness implements AutoCloseable {
    private final String scope = "harness-" + UUID.randomUUID();
    private final Topics topics = Topics.live();
    private final MonitorSerdes serdes;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ReportSubmission> submissions;

    private TopologyHarness(MonitorConfig config, Path stateDir, SubmissionWindow window, Supplier<Instant> clock) {
        MonitorConfig inProcess = config.with(MonitorConfig.BOOTSTRAP_SERVERS, "in-process:0")
                .with(MonitorConfig.SCHEMA_REGISTRY_URL, "mock://" + scope)
                .with(MonitorConfig.STATE_DIR, stateDir.toString());
        serdes = MonitorSerdes.forConfig(inProcess);
        Properties properties = ComplianceApp.streamsProperties(inProcess, topics);
        // The driver has no transactions to make exactly-once: under it, records a handler sends (the dead letters of
        // poison bytes) stay in a transaction the driver never commits, and would never be seen.
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        driver = new TopologyTestDriver(ComplianceTopology.build(topics, serdes, inProcess.parser(), ComplianceApp.rules(inProcess),
                window, clock), properties);
        submissions = input(topics.submissions(), serdes.submissions().serializer());
    }

    /** The topology as {@code config} configures it over the whole submission log, keeping its state under {@code stateDir}. */
    public static TopologyHarness start(MonitorConfig config, Path stateDir) {
        return new TopologyHarness(config, stateDir, SubmissionWindow.ALL, Instant::now);
    }

    /** With the default settings. */
    public static TopologyHarness start(Path stateDir) {
        return start(defaults(), stateDir);
    }

    /** With the default settings and {@code clock} as the roster check's "now", so a test can move past a deadline. */
    public static TopologyHarness start(Path stateDir, Supplier<Instant> clock) {
        return new TopologyHarness(defaults(), stateDir, SubmissionWindow.ALL, clock);
    }

    /** As a replay runs it: only the submissions in {@code window}, with {@code clock} as "now". */
    public static TopologyHarness replay(Path stateDir, SubmissionWindow window, Supplier<Instant> clock) {
        return new TopologyHarness(defaults(), stateDir, window, clock);
    }

    private static MonitorConfig defaults() {
        return MonitorConfig.load(null, Map.of(), Map.of());
    }

    public Topics topics() {
        return topics;
    }

    public MonitorSerdes serdes() {
        return serdes;
    }

    /** For what the helpers below do not cover: raw bytes on a topic, the driver's wall-clock time. */
    public TopologyTestDriver driver() {
        return driver;
    }

    /** Sends a submission as the publisher does: keyed by its source, at the time it was received. */
    public void submit(ReportSubmission s) {
        submissions.pipeInput(s.getSource(), s, s.getReceivedAt());
    }

    public TestInputTopic<String, ReportSubmission> submissions() {
        return submissions;
    }

    public TestInputTopic<String, RosterEntry> roster() {
        return input(topics.roster(), serdes.roster().serializer());
    }

    public TestInputTopic<String, AlertReview> reviews() {
        return input(topics.reviews(), serdes.reviews().serializer());
    }

    public TestOutputTopic<String, DisclosureReport> parsed() {
        return output(topics.parsed(), serdes.reports().deserializer());
    }

    public TestOutputTopic<String, RejectedSubmission> rejected() {
        return output(topics.rejected(), serdes.rejected().deserializer());
    }

    public TestOutputTopic<String, ComplianceAlert> alertEvents() {
        return output(topics.alertEvents(), serdes.alerts().deserializer());
    }

    public TestOutputTopic<String, ComplianceAlert> openAlerts() {
        return output(topics.openAlerts(), serdes.alerts().deserializer());
    }

    public TestOutputTopic<String, ReportVerdict> verdicts() {
        return output(topics.verdicts(), serdes.verdicts().deserializer());
    }

    public <V> TestInputTopic<String, V> input(String topic, Serializer<V> values) {
        return driver.createInputTopic(topic, new StringSerializer(), values);
    }

    public <V> TestOutputTopic<String, V> output(String topic, Deserializer<V> values) {
        return driver.createOutputTopic(topic, new StringDeserializer(), values);
    }

    @Override
    public void close() {
        driver.close();
        InMemorySchemaRegistryClient.drop(scope);
    }
}
