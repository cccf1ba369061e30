package gongkai.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.LongBinaryOperator;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.config.MonitorConfig;
import gongkai.wait.Poll;
import gongkai.topics.SourceHeaders;
import gongkai.topics.SubmissionWindow;
import gongkai.review.ReviewLog;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import gongkai.topics.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-runs the compliance topology over the submission log up to a point in time, under an
 * application id and output topics of its own, and returns the alerts that stood at that moment.
 * The live application is not touched: its topics, offsets and state stores are never written.
 *
 * <p>The result depends only on the submissions in the window (alert times are the arrival times of
 * the reports they compare), so replaying the same window twice gives the same alerts.
 */
public final class Replay {
    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    /** Called with (done, total) submission offsets as the replay advances. */
    public interface Progress extends LongBinaryOperator {
    }

    /**
     * @param submissionsRead submissions inside the window (each left the replay's parse step as a report or a rejection)
     * @param reviews         the office's reviews made up to the end of the window, oldest first
     */
    public record Result(String replayId, Topics topics, SubmissionWindow window, long submissionsRead, List<ComplianceAlert> standing,
                         List<AlertReview> reviews) {
    }

    private Replay() {
    }

    public static Result run(MonitorConfig live, SubmissionWindow window, String replayId, Duration timeout, Progress progress) {
        Topics liveTopics = Topics.live();
        Topics topics = Topics.withOutputPrefix(liveTopics.submissions(), Topics.DEFAULT_PREFIX + "replay." + replayId + ".");
        String appId = live.applicationId() + "-replay-" + replayId;
        MonitorConfig config = live.with(MonitorConfig.APPLICATION_ID, appId)
                .with(gongkai.config.MonitorConfig.STATE_DIR, live.dataDir().resolve("replay").resolve(replayId).toString());
        Map<String, Object> clients = config.clientProperties();

        try (Admin admin = Admin.create(clients)) {
            Map<TopicPartition, Long> target = endOffsets(admin, topics.submissions());
            long total = target.values().stream().mapToLong(Long::longValue).sum();
            log.info("replay {}: {} submissions to read from {} for window {}..{}", replayId, total, topics.submissions(),
                    window.from(), window.until());
            try (ComplianceApp app = ComplianceApp.start(config, topics, window)) {
                Poll.until("replay " + replayId + " read all " + total + " submissions", timeout, Duration.ofMillis(200), () -> {
                    if (!app.streams().state().isRunningOrRebalancing() && app.streams().state() != org.apache.kafka.streams.KafkaStreams.State.CREATED) {
                        throw new IllegalStateException("replay " + replayId + " stopped: Kafka Streams is " + app.streams().state());
                    }
                    long done = committed(admin, appId, target);
                    progress.applyAsLong(done, total);
                    return done >= total && everyStepDrained(admin, appId, topics) && everyReportJudged(clients, topics);
                });
            }
            MonitorSerdes serdes = MonitorSerdes.forConfig(config);
            Map<String, ComplianceAlert> open = TopicReader.readTable(clients, topics.openAlerts(), serdes.alerts().deserializer());
            List<ComplianceAlert> standing = new ArrayList<>(open.values());
            standing.sort(Comparator.comparing(ComplianceAlert::getAlertKey));
            long inWindow = count(clients, topics.parsed()) + count(clients, topics.rejected());
            List<AlertReview> reviews = ReviewLog.read(clients, liveTopics, serdes, r -> true, window.until());
            log.info("replay {}: {} of {} submissions in the window, {} alerts stood at {}", replayId, inWindow, total, standing.size(),
                    window.until());
            return new Result(replayId, topics, window, inWindow, standing, reviews);
        }
    }

    /**
     * Every parsed report has its verdict: the compliance step writes one for each report it reads, carrying the
     * report's submission id. The offsets alone can look drained a moment before the last reports are judged.
     */
    private static boolean everyReportJudged(Map<String, Object> clients, Topics topics) {
        java.util.Set<String> parsed = new java.util.HashSet<>();
        java.util.Set<String> judged = new java.util.HashSet<>();
        var bytes = new org.apache.kafka.common.serialization.ByteArrayDeserializer();
        TopicReader.readToEnd(clients, topics.parsed(), bytes,
                r -> SourceHeaders.get(r.headers(), SourceHeaders.SUBMISSION_ID).ifPresent(parsed::add));
        TopicReader.readToEnd(clients, topics.verdicts(), bytes,
                r -> SourceHeaders.get(r.headers(), SourceHeaders.SUBMISSION_ID).ifPresent(judged::add));
        return judged.containsAll(parsed);
    }

    /** Records on one of the replay's own topics (offsets would count transaction markers too). */
    private static long count(Map<String, Object> clients, String topic) {
        long[] n = {0};
        TopicReader.readToEnd(clients, topic, new org.apache.kafka.common.serialization.ByteArrayDeserializer(), r -> n[0]++);
        return n[0];
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) {
        try {
            var desc = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            desc.partitions().forEach(p -> specs.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> out = new HashMap<>();
            // read_committed end offsets: aborted or open transactions are not part of the history.
            admin.listOffsets(specs, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Sum over the target partitions of how far the replay's committed offsets have come (capped at the target). */
    private static long committed(Admin admin, String groupId, Map<TopicPartition, Long> target) {
        Map<TopicPartition, OffsetAndMetadata> offsets = groupOffsets(admin, groupId);
        long done = 0;
        for (var e : target.entrySet()) {
            OffsetAndMetadata o = offsets.get(e.getKey());
            done += o == null ? 0 : Math.min(o.offset(), e.getValue());
        }
        return done;
    }

    /**
     * Every step has read everything before it: the roster and the office's reviews (a review read after the last
     * verdict would be missing from the standing alerts), then what the steps wrote for one another: the reports read
     * by the identify step, the parsed reports of the compliance step (the roster names feed a global store, which
     * commits no group offsets). In this order: under
     * exactly-once a step's outputs are committed with its offsets, so once it has drained, the next topic's end
     * already counts them.
     */
    private static boolean everyStepDrained(Admin admin, String groupId, Topics topics) {
        return java.util.stream.Stream.of(topics.roster(), topics.reviews(), topics.read(), topics.parsed())
                .allMatch(topic -> drained(admin, groupId, topic));
    }

    private static boolean drained(Admin admin, String groupId, String topic) {
        Map<TopicPartition, Long> end = endOffsets(admin, topic);
        Map<TopicPartition, OffsetAndMetadata> offsets = groupOffsets(admin, groupId);
        return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                || (offsets.get(e.getKey()) != null && offsets.get(e.getKey()).offset() >= e.getValue()));
    }

    private static Map<TopicPartition, OffsetAndMetadata> groupOffsets(Admin admin, String groupId) {
        try {
            // Stable offsets only: an offset committed inside a transaction that is still open would count the
            // submissions as done while the reports they produced are not yet readable (not yet in the parsed
            // topic's last stable offset), and the replay would stop before judging them.
            return admin.listConsumerGroupOffsets(groupId, new ListConsumerGroupOffsetsOptions().requireStable(true))
                    .partitionsToOffsetAndMetadata().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return Map.of();
        }
    }
}
