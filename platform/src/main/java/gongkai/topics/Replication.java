package gongkai.topics;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How many copies of each of the monitor's topics the cluster keeps. Unless configured, a cluster of three or more
 * brokers gets three copies with {@code min.insync.replicas=2}: one broker may fail (or be restarted for an upgrade)
 * with nothing lost and writes going on; a smaller cluster (the embedded one) keeps one copy.
 *
 * @param factor    replicas per partition
 * @param minInsync the replicas an {@code acks=all} write must reach
 */
public record Replication(short factor, int minInsync) {
    /** The configured value that means "decide from the cluster's size" (Kafka's own "broker default" value). */
    public static final short FROM_CLUSTER = -1;

    /** The replication for a cluster of this many brokers, unless {@code configured} names a factor itself. */
    public static Replication forCluster(int brokers, short configured) {
        return forFactor(configured > 0 ? configured : (short) (brokers >= 3 ? 3 : 1));
    }

    /** Two in-sync copies once there are three: the most that still lets one broker be down. */
    public static Replication forFactor(short factor) {
        return new Replication(factor, factor >= 3 ? 2 : 1);
    }

    /** Asks the cluster how many brokers it has when the factor is {@link #FROM_CLUSTER}. */
    public static Replication of(Admin admin, short configured) throws InterruptedException, ExecutionException {
        return configured > 0 ? forFactor(configured) : forCluster(admin.describeCluster().nodes().get().size(), configured);
    }

    /** Topic configs beyond the factor: the min ISR when it differs from the broker's default of 1. */
    public Map<String, String> configs() {
        return minInsync > 1 ? Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync)) : Map.of();
    }

    /** The topic with this factor and min ISR, its other configs kept. */
    NewTopic applyTo(NewTopic t) {
        Map<String, String> configs = new java.util.HashMap<>(t.configs() == null ? Map.of() : t.configs());
        configs.putAll(configs());
        return new NewTopic(t.name(), t.numPartitions(), factor).configs(configs);
    }
}
