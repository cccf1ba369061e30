package gongkai.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import gongkai.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * What an operator asks of the monitor's topics: which exist, how they are partitioned and kept, how
 * much they hold, and how far behind the application is on the ones it reads. The application's
 * internal topics (changelogs, repartitions: {@code <application.id>-…}) are listed too, since they
 * are part of its footprint; replays' topics are not (see {@link ReplayCatalog}).
 */
public final class TopicOverview {
    /**
     * One topic. {@code records} counts the offsets between the first and the last (read_committed end): the
     * records, plus the transaction markers of exactly-once writers and minus nothing compaction removed, so an
     * upper bound of what the topic holds. {@code lag} is the
     * application's: the end offsets minus its committed offsets, over the partitions where it has
     * committed; null where it does not read the topic (or has not committed on it yet).
     */
    public record Row(String topic, boolean exists, int partitions, int replicationFactor, String cleanupPolicy, long retentionMs,
                      long records, Long lag) {
        public String retentionText() {
            if (!exists) {
                return "-";
            }
            if (retentionMs < 0) {
                return "forever";
            }
            long hours = retentionMs / 3_600_000;
            return hours % 24 == 0 ? hours / 24 + "d" : hours > 0 ? hours + "h" : retentionMs + "ms";
        }
    }

    /** The rows and the application's consumer group state (EMPTY, STABLE, … or DEAD when it never ran). */
    public record Overview(String applicationId, String groupState, int members, List<Row> rows) {
        public long totalLag() {
            return rows.stream().filter(r -> r.lag() != null).mapToLong(Row::lag).sum();
        }
    }

    private TopicOverview() {
    }

    public static Overview describe(Admin admin, Topics topics, String applicationId) throws InterruptedException, ExecutionException {
        Set<String> existing = admin.listTopics().names().get();
        List<String> names = new ArrayList<>(topics.all());
        existing.stream().filter(t -> t.startsWith(applicationId + "-")).sorted().forEach(names::add);
        List<String> present = names.stream().filter(existing::contains).toList();

        Map<String, TopicDescription> descriptions = present.isEmpty() ? Map.of() : admin.describeTopics(present).allTopicNames().get();
        Map<String, Config> configs = present.isEmpty() ? Map.of() : admin.describeConfigs(present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
        List<TopicPartition> partitions = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        Map<TopicPartition, Long> ends = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(admin, partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();

        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            TopicDescription d = descriptions.get(name);
            if (d == null) {
                rows.add(new Row(name, false, 0, 0, "-", 0, 0, null));
                continue;
            }
            Config c = configs.get(name);
            long records = 0;
            long lag = 0;
            boolean read = false;
            for (var p : d.partitions()) {
                TopicPartition tp = new TopicPartition(name, p.partition());
                long end = ends.getOrDefault(tp, 0L);
                records += end - starts.getOrDefault(tp, 0L);
                OffsetAndMetadata o = committed.get(tp);
                if (o != null) {
                    read = true;
                    lag += Math.max(0, end - o.offset());
                }
            }
            rows.add(new Row(name, true, d.partitions().size(), d.partitions().get(0).replicas().size(),
                    c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value(), Long.parseLong(c.get(TopicConfig.RETENTION_MS_CONFIG).value()),
                    records, read ? lag : null));
        }
        String state = "DEAD";
        int members = 0;
        try {
            ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId).get();
            state = g.groupState().toString();
            members = g.members().size();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        return new Overview(applicationId, state, members, rows);
    }

    /** A fixed-width table, one line per topic, then the application's state and total lag. */
    public static List<String> format(Overview o) {
        int width = Math.max(5, o.rows().stream().mapToInt(r -> r.topic().length()).max().orElse(5));
        List<String> lines = new ArrayList<>();
        String f = "%-" + width + "s  %10s  %3s  %-14s  %9s  %9s  %9s";
        lines.add(String.format(f, "topic", "partitions", "rf", "cleanup", "retention", "offsets", "lag"));
        for (Row r : o.rows()) {
            lines.add(String.format(f, r.topic(), r.exists() ? r.partitions() : "missing", r.exists() ? r.replicationFactor() : "-",
                    r.cleanupPolicy(), r.retentionText(), r.exists() ? r.records() : "-", r.lag() == null ? "-" : r.lag()));
        }
        lines.add("application " + o.applicationId() + ": group " + o.groupState() + ", " + o.members() + " member(s), lag " + o.totalLag());
        return lines;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, spec));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().forEach((tp, i) -> out.put(tp, i.offset()));
        return out;
    }
}
