package gongkai.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import gongkai.wait.Poll;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic the monitor reads or writes, with its partitions and configs, in one place.
 *
 * <p>The submission log is the input of record for live runs and audit replays alike; a replay gets
 * its own output topics (same names under another prefix) and never writes to the live ones.
 */
public record Topics(String submissions, String parsed, String rejected, String alertEvents, String openAlerts, String verdicts) {

    public static final String DEFAULT_PREFIX = "gongkai.";

    public static Topics live() {
        return withOutputPrefix(DEFAULT_PREFIX + "submissions", DEFAULT_PREFIX);
    }

    /** Outputs under {@code prefix}, reading the given submission log: how a replay gets topics of its own. */
    public static Topics withOutputPrefix(String submissions, String prefix) {
        return new Topics(submissions, prefix + "reports.parsed", prefix + "submissions.rejected",
                prefix + "alerts.events", prefix + "alerts.open", prefix + "verdicts");
    }

    /**
     * The roster of agencies that must publish (R-MISS-01): an input, like the submission log, so a
     * replay reads the live one. Keyed by agency, with the same partition count as the parsed reports,
     * so an agency's roster entry and its reports meet in one task.
     */
    public String roster() {
        return DEFAULT_PREFIX + "roster";
    }

    /**
     * Reports as the parser read them, before {@link gongkai.identity.AgencyIdentityProcessor} files them under their
     * agency: keyed by the agency as written, partitioned by its identity stem (every way of writing one agency's
     * name meets in one task). An output of the topology, so a replay has its own.
     */
    public String read() {
        return outputPrefix() + "reports.read";
    }

    /** A copy of the roster the topology writes and every instance reads whole (agency aliases); compacted. */
    public String rosterNames() {
        return outputPrefix() + "roster.names";
    }

    private String outputPrefix() {
        return parsed.endsWith("reports.parsed") ? parsed.substring(0, parsed.length() - "reports.parsed".length()) : parsed + ".";
    }

    /**
     * Review events of the supervising office (acknowledge, dismiss, reopen), keyed by the alert's agency (as the
     * reports and the roster are, so a review meets its alert in one task): an input like the roster, so a replay
     * reads the live one (cut at its moment).
     */
    public String reviews() {
        return DEFAULT_PREFIX + "reviews";
    }

    public List<String> all() {
        return List.of(submissions, roster(), reviews(), read(), parsed, rejected, alertEvents, openAlerts, verdicts, rosterNames());
    }

    /**
     * The topics with their configs. The submission log and the event topics keep everything
     * (audit replays read the whole history); open alerts and verdicts are compacted tables. Every topic
     * takes records as large as {@code limits} says (a document plus its envelope), not the broker's 1 MiB.
     */
    public List<NewTopic> definitions(int partitions, short replicationFactor, RecordLimits limits) {
        String maxBytes = Integer.toString(limits.maxRecordBytes());
        Map<String, String> keepForever = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes);
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxBytes);
        List<NewTopic> topics = new ArrayList<>();
        topics.add(new NewTopic(submissions, partitions, replicationFactor).configs(keepForever));
        topics.add(new NewTopic(roster(), partitions, replicationFactor).configs(compacted));
        topics.add(new NewTopic(reviews(), partitions, replicationFactor).configs(keepForever));
        topics.add(new NewTopic(read(), partitions, replicationFactor).configs(keepForever));
        topics.add(new NewTopic(parsed, partitions, replicationFactor).configs(keepForever));
        topics.add(new NewTopic(rejected, partitions, replicationFactor).configs(keepForever));
        topics.add(new NewTopic(alertEvents, partitions, replicationFactor).configs(keepForever));
        topics.add(new NewTopic(openAlerts, partitions, replicationFactor).configs(compacted));
        topics.add(new NewTopic(verdicts, partitions, replicationFactor).configs(compacted));
        topics.add(new NewTopic(rosterNames(), 1, replicationFactor).configs(compacted));
        return topics;
    }

    /**
     * A created topic is not writable until the broker has become leader of each partition; a producer
     * that writes in between gets NOT_LEADER_OR_FOLLOWER, and an idempotent one can then be refused
     * with out-of-order sequence errors until its delivery timeout. So creation waits for the leaders.
     */
    public static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        Poll.until("topics " + names + " are ready on their leaders", Duration.ofSeconds(30), Duration.ofMillis(50), () -> {
            try {
                return writable(admin, names);
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot ask the leaders of " + names + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while asking the leaders of " + names, e);
            }
        });
    }

    /**
     * Metadata names a leader slightly before that broker serves the partition, so the check asks every
     * partition's leader for its end offset: the same path a produce request takes.
     */
    private static boolean writable(Admin admin, List<String> names) throws InterruptedException, ExecutionException {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> partitions = new java.util.HashMap<>();
        try {
            for (var d : admin.describeTopics(names).allTopicNames().get().values()) {
                for (var p : d.partitions()) {
                    if (p.leader() == null || p.leader().isEmpty()) {
                        return false;
                    }
                    partitions.put(new org.apache.kafka.common.TopicPartition(d.name(), p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest());
                }
            }
            admin.listOffsets(partitions).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.RetriableException) {
                return false;
            }
            throw e;
        }
    }

    /** As {@link #create(Admin, int, short, RecordLimits)} with the default document limit. */
    public List<String> create(Admin admin, int partitions, short replicationFactor) {
        return create(admin, partitions, replicationFactor, RecordLimits.DEFAULT);
    }

    /**
     * Creates whichever topics do not exist yet and waits until they can be written; raises the record size
     * limit of existing topics that take less than {@code limits} (topics created by an earlier version with
     * the broker's 1 MiB default). Returns the names it created. A {@code replicationFactor} of
     * {@link Replication#FROM_CLUSTER} lets the cluster's size decide ({@link Replication}).
     */
    public List<String> create(Admin admin, int partitions, short replicationFactor, RecordLimits limits) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            Replication replication = Replication.of(admin, replicationFactor);
            List<NewTopic> wanted = definitions(partitions, replicationFactor, limits);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).map(replication::applyTo).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
            }
            raiseRecordLimit(admin, wanted.stream().map(NewTopic::name).filter(existing::contains).toList(), limits);
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the monitor's topics " + all() + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void raiseRecordLimit(Admin admin, List<String> names, RecordLimits limits) throws InterruptedException, ExecutionException {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Collection<AlterConfigOp>> raise = new HashMap<>();
        Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs;
        try {
            configs = admin.describeConfigs(resources).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException) {
                // On a secured cluster the operators own the topics' configs (docs/operations.md, Security): the
                // monitor's principal may not read or change them, and a record over their limit is dead-lettered.
                org.slf4j.LoggerFactory.getLogger(Topics.class).warn("cannot check max.message.bytes of existing topics {}"
                        + " (not authorized); they must allow records of {} bytes", names, limits.maxRecordBytes());
                return;
            }
            throw e;
        }
        configs.forEach((resource, config) -> {
            ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry == null || entry.value() == null || Long.parseLong(entry.value()) < limits.maxRecordBytes()) {
                raise.put(resource, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(limits.maxRecordBytes())), AlterConfigOp.OpType.SET)));
            }
        });
        if (!raise.isEmpty()) {
            try {
                admin.incrementalAlterConfigs(raise).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.AuthorizationException)) {
                    throw e;
                }
                org.slf4j.LoggerFactory.getLogger(Topics.class).warn("cannot raise max.message.bytes of {} to {} bytes"
                        + " (not authorized): an operator must raise it", raise.keySet(), limits.maxRecordBytes());
            }
        }
    }
}
