package gongkai.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import gongkai.config.MonitorConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class ReplicationTest {
    @Test
    void unconfiguredReplicationFollowsTheClusterSize() {
        assertEquals(Replication.FROM_CLUSTER, MonitorConfig.load(null, Map.of(), Map.of()).replicationFactor());
        assertEquals(new Replication((short) 1, 1), Replication.forCluster(1, Replication.FROM_CLUSTER));
        assertEquals(new Replication((short) 1, 1), Replication.forCluster(2, Replication.FROM_CLUSTER));
        assertEquals(new Replication((short) 3, 2), Replication.forCluster(3, Replication.FROM_CLUSTER));
        assertEquals(new Replication((short) 3, 2), Replication.forCluster(7, Replication.FROM_CLUSTER));
    }

    @Test
    void aConfiguredFactorWinsOverTheClusterSize() {
        assertEquals(new Replication((short) 1, 1), Replication.forCluster(3, (short) 1));
        assertEquals(new Replication((short) 2, 1), Replication.forCluster(5, (short) 2));
        assertEquals(new Replication((short) 5, 2), Replication.forCluster(5, (short) 5));
    }

    @Test
    void appliedToATopicItKeepsTheTopicsOwnConfigs() {
        NewTopic t = new NewTopic("gongkai.verdicts", 6, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        NewTopic replicated = new Replication((short) 3, 2).applyTo(t);
        assertEquals(3, replicated.replicationFactor());
        assertEquals(6, replicated.numPartitions());
        assertEquals(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"), replicated.configs());
        assertEquals(Map.of(), new Replication((short) 1, 1).configs(), "one copy: the broker's default min ISR");
    }
}
