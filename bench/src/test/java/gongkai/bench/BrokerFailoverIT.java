package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import gongkai.config.MonitorConfig;
import gongkai.local.LocalSchemaRegistry;
import gongkai.topics.Replication;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-broker KRaft cluster: the monitor's topics (and Kafka Streams' own) get three replicas and
 * {@code min.insync.replicas=2} without being told; one broker is shut down mid-run and the application carries on
 * by itself, nothing lost and nothing duplicated.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BrokerFailoverIT {
    private static final String APP_ID = "bench-failover";

    @TempDir
    Path dir;

    @Test
    void oneOfThreeBrokersGoesDownMidRunAndNothingIsLost() throws Exception {
        History h = FaultSupport.history(404);
        History probe = FaultSupport.probe(404);
        int n = h.size();
        int half = n / 2;
        Topics topics = FaultSupport.topics("failover.");
        try (KafkaClusterTestKit cluster = threeBrokers()) {
            String bootstrap = cluster.bootstrapServers();
            var clients = FaultSupport.clients(bootstrap);
            try (Admin admin = Admin.create(clients)) {
                // The test's registry is a fixture, not part of the monitor: give its store the same three copies so it survives too.
                admin.createTopics(List.of(new NewTopic(LocalSchemaRegistry.STORE_TOPIC, 1, (short) 3).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"))))
                        .all().get();
            }
            ComplianceApp app = null;
            try (LocalSchemaRegistry registry = LocalSchemaRegistry.start(bootstrap, 0);
                 Admin admin = Admin.create(clients)) {
                MonitorConfig config = FaultSupport.config(bootstrap, registry.url(), dir.resolve("state"), APP_ID);
                assertEquals(Replication.FROM_CLUSTER, config.replicationFactor(), "no replication factor configured");
                Replication replication = ComplianceApp.createTopics(config, topics);
                assertEquals(new Replication((short) 3, 2), replication, "decided from the cluster's three brokers");
                assertReplicated(admin, topics.all());

                MonitorSerdes serdes = FaultSupport.serdes(registry.url());
                try (SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false);
                     OutcomeCounter counter = new OutcomeCounter(clients, topics, serdes)) {
                    FaultSupport.send(loader, h, 0, half);
                    app = ComplianceApp.start(config, topics);
                    assertTrue(counter.awaitDone(0, half, Math.max(1, half / 8), Duration.ofSeconds(60)),
                            "progress before the broker goes: " + counter.done(0, half) + " of " + half);
                    // Kafka Streams' changelogs were created by now, from the same decision.
                    assertReplicated(admin, admin.listTopics().names().get().stream().filter(t -> t.startsWith(APP_ID + "-")).toList());

                    // The rest goes in, and while it is being processed the broker that leads the first submission
                    // partition stops: the application must move to the other leaders in the middle of its transactions.
                    FaultSupport.send(loader, h, half, n);
                    int atStop = counter.done(0, n);
                    assertTrue(atStop < n, "stopped mid-run: " + atStop + " of " + n + " accounted for");
                    int victim = leader(admin, topics.submissions());
                    long stoppedAt = System.nanoTime();
                    BrokerServer broker = cluster.brokers().get(victim);
                    broker.shutdown();
                    broker.awaitShutdown();
                    assertNotEquals(victim, leader(admin, topics.submissions()), "leadership moved off the stopped broker");

                    assertTrue(counter.awaitDone(0, n, Duration.ofSeconds(90)),
                            "with one broker down every submission is accounted for: " + counter.done(0, n) + " of " + n
                                    + " (Kafka Streams is " + app.streams().state() + ")");
                    double caughtUp = (System.nanoTime() - stoppedAt) / 1e9;
                    FaultSupport.assertAnswers(loader, counter, probe, n);
                    FaultSupport.assertExactlyOnce(counter, h, probe, n + 1, h.count(History.Kind.GARBAGE));
                    KafkaStreams.State state = app.streams().state();
                    assertTrue(state.isRunningOrRebalancing(), "still running without intervention: " + state);
                    System.out.printf("BrokerFailoverIT: 3 brokers, replication %s; broker %d stopped with %d of %d accounted for;"
                            + " all %d accounted for %.1f s later on the two left, alerts exactly once%n", replication, victim, atStop, n, n, caughtUp);
                }
            } finally {
                if (app != null) {
                    app.close();
                }
            }
        }
    }

    private KafkaClusterTestKit threeBrokers() throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(3)
                .setBaseDirectory(dir.resolve("cluster")).build();
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                // The broker's own topics (group offsets, transactions) as a production cluster of three has them.
                .setConfigProp("offsets.topic.replication.factor", "3")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("transaction.state.log.replication.factor", "3")
                .setConfigProp("transaction.state.log.min.isr", "2")
                .setConfigProp("transaction.state.log.num.partitions", "5")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    /** Every partition of these topics has three replicas, all in sync, and each topic asks for two in sync. */
    private static void assertReplicated(Admin admin, List<String> names) throws Exception {
        assertTrue(!names.isEmpty(), "topics to check");
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
        for (TopicDescription d : described.values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                assertEquals(3, p.replicas().size(), d.name() + "-" + p.partition() + " replicas");
            }
        }
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get();
        Map<String, String> minIsr = configs.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().name(),
                e -> e.getValue().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
        assertEquals(Set.of("2"), Set.copyOf(minIsr.values()), "min.insync.replicas of " + minIsr);
    }

    private static int leader(Admin admin, String topic) throws Exception {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<Integer, TopicPartitionInfo> byPartition = d.partitions().stream()
                .collect(Collectors.toMap(TopicPartitionInfo::partition, Function.identity()));
        return byPartition.get(0).leader().id();
    }
}
