package gongkai.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.intake.PoisonSubmissionHandler;
import gongkai.serde.InMemorySchemaRegistryClient;
import gongkai.serde.SchemaRegistryClient;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceTopology;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The production topology run in-process (TopologyTestDriver, in-memory registry) over a list of
 * submissions in a given order: the same parser, rules and alert lifecycle as on a cluster, without one.
 */
final class InProcessCheck implements AutoCloseable {
    private final String scope = "check-" + UUID.randomUUID();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ReportSubmission> submissions;
    private final TestOutputTopic<String, ComplianceAlert> openAlerts;
    private final TestOutputTopic<String, RejectedSubmission> rejected;

    InProcessCheck(MonitorConfig config, Path stateDir) {
        Topics topics = Topics.live();
        SchemaRegistryClient registry = SchemaRegistryClient.connect("mock://" + scope);
        MonitorSerdes serdes = MonitorSerdes.using(registry, true);
        var topology = ComplianceTopology.build(topics, serdes, config.parser(),
                gongkai.topology.ComplianceApp.rules(config));
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "gongkai-check");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "in-process:0");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonSubmissionHandler.class.getName());
        p.put(PoisonSubmissionHandler.REJECTED_TOPIC_CONFIG, topics.rejected());
        p.put(PoisonSubmissionHandler.REGISTRY_URL_CONFIG, registry.baseUrl());
        driver = new TopologyTestDriver(topology, p);
        submissions = driver.createInputTopic(topics.submissions(), new StringSerializer(), serdes.submissions().serializer());
        openAlerts = driver.createOutputTopic(topics.openAlerts(), new StringDeserializer(), serdes.alerts().deserializer());
        rejected = driver.createOutputTopic(topics.rejected(), new StringDeserializer(), serdes.rejected().deserializer());
    }

    void submit(ReportSubmission s) {
        submissions.pipeInput(s.getSource(), s, s.getReceivedAt());
    }

    /**
     * Applies what the topology wrote to the open-alerts topic since the last call to {@code open} (the
     * compacted view: last value per key, tombstones remove) and returns the submissions it rejected.
     */
    List<RejectedSubmission> drain(Map<String, ComplianceAlert> open) {
        openAlerts.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                open.remove(kv.key);
            } else {
                open.put(kv.key, kv.value);
            }
        });
        return rejected.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
        InMemorySchemaRegistryClient.drop(scope);
    }
}
