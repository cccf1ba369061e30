package gongkai.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gongkai.topics.AlertKeys;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.avro.ReportVerdict;
import gongkai.topics.SourceHeaders;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows submissions through the topology: watches the parsed, rejected and verdict topics from
 * the point where it was created and tells, per submission, whether it was parsed and judged or
 * rejected. It reads only committed records (the topology writes exactly once), so what it reports
 * is what every other reader will see.
 */
public final class OutcomeTracker implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final MonitorSerdes serdes;
    // What has been seen so far, kept across calls to await(): a later call may ask about earlier submissions.
    private final Map<String, DisclosureReport> parsed = new HashMap<>();
    private final Map<String, RejectedSubmission> rejected = new HashMap<>();
    private final Map<String, List<ReportVerdict>> verdicts = new HashMap<>();
    private final Map<String, ReportVerdict> latestByReport = new HashMap<>();

    public OutcomeTracker(Map<String, Object> clientConfig, Topics topics, MonitorSerdes serdes) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "gongkai-outcome-" + UUID.randomUUID());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.serdes = serdes;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String t : List.of(topics.parsed(), topics.rejected(), topics.verdicts())) {
            consumer.partitionsFor(t).forEach(pi -> partitions.add(new TopicPartition(t, pi.partition())));
        }
        consumer.assign(partitions);
        // Start at the current end: only what happens after this moment concerns the submissions about to be made.
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Waits until every submission has an outcome or the timeout passes; returns what is known, in submission order. */
    public Map<String, Outcome> await(List<ReportSubmission> submissions, Duration timeout) {
        Map<String, ReportSubmission> byId = new LinkedHashMap<>();
        submissions.forEach(s -> byId.put(s.getSubmissionId(), s));
        Map<String, Outcome> outcomes = outcomes(byId, parsed, rejected, verdicts, latestByReport);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !outcomes.values().stream().allMatch(Outcome::done)) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.value() == null) {
                    continue;
                }
                if (r.topic().equals(topics.rejected())) {
                    RejectedSubmission rej = serdes.rejected().deserialize(r.topic(), r.value());
                    if (rej.getSubmissionId() != null) {
                        rejected.put(rej.getSubmissionId(), rej);
                    }
                    continue;
                }
                if (r.topic().equals(topics.verdicts())) {
                    // A later submission (the agency's previous year, say) can change this report's standing.
                    ReportVerdict v = serdes.verdicts().deserialize(r.topic(), r.value());
                    latestByReport.put(r.key() == null ? "" : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8), v);
                }
                String id = SourceHeaders.get(r.headers(), SourceHeaders.SUBMISSION_ID).orElse(null);
                if (id == null) {
                    continue;
                }
                if (r.topic().equals(topics.parsed())) {
                    parsed.put(id, serdes.reports().deserialize(r.topic(), r.value()));
                } else if (r.topic().equals(topics.verdicts())) {
                    verdicts.computeIfAbsent(id, k -> new ArrayList<>()).add(serdes.verdicts().deserialize(r.topic(), r.value()));
                }
            }
            outcomes = outcomes(byId, parsed, rejected, verdicts, latestByReport);
        }
        return outcomes;
    }

    private static Map<String, Outcome> outcomes(Map<String, ReportSubmission> byId, Map<String, DisclosureReport> parsed,
                                                 Map<String, RejectedSubmission> rejected, Map<String, List<ReportVerdict>> verdicts,
                                                 Map<String, ReportVerdict> latestByReport) {
        Map<String, Outcome> out = new LinkedHashMap<>();
        byId.forEach((id, s) -> {
            RejectedSubmission rej = rejected.get(id);
            DisclosureReport rep = parsed.get(id);
            if (rej != null) {
                out.put(id, new Outcome(id, s.getSource(), null, null, null, null, rej.getReasonCode(), rej.getReason()));
            } else if (rep == null) {
                out.put(id, new Outcome(id, s.getSource(), null, null, null, null, null, null));
            } else {
                // One submission can also cause a verdict for the agency's following year; keep the one about its own year.
                ReportVerdict own = verdicts.getOrDefault(id, List.of()).stream()
                        .filter(v -> v.getAgency().equals(rep.getAgency()) && v.getYear() == rep.getYear())
                        .reduce((a, b) -> b).orElse(null);
                if (own != null) {
                    own = latestByReport.getOrDefault(AlertKeys.report(rep.getAgency(), rep.getYear()), own);
                }
                out.put(id, new Outcome(id, s.getSource(), rep.getAgency(), rep.getYear(), rep.getReportId(), own, null, null));
            }
        });
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
