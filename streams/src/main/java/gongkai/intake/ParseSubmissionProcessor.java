package gongkai.intake;

import java.nio.ByteBuffer;
import java.time.Instant;

import gongkai.text.Sha256;
import gongkai.topics.SourceHeaders;
import gongkai.topics.SubmissionWindow;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.metrics.MonitorMetrics;
import gongkai.parse.ReportParser;
import gongkai.parse.ReportRejectedException;
import gongkai.text.SafeText;
import gongkai.topics.RecordLimits;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each submission into a parsed report, keyed by agency so that every year of one agency lands
 * on one partition of the parsed-reports topic; or into a dead letter with its reason, a reference to
 * the original (sha256, size, source position) and the original bytes when they fit in a record.
 * Every submission leaves by exactly one of the two doors.
 */
public final class ParseSubmissionProcessor implements Processor<String, ReportSubmission, String, Object> {
    public static final String PARSED = "parsed-sink";
    public static final String REJECTED = "rejected-sink";
    private static final Logger log = LoggerFactory.getLogger(ParseSubmissionProcessor.class);

    private final ReportParser parser;
    private final SubmissionWindow window;
    private final RecordLimits limits;
    private ProcessorContext<String, Object> context;

    public ParseSubmissionProcessor(ReportParser parser, SubmissionWindow window) {
        this.parser = parser;
        this.window = window;
        this.limits = new RecordLimits(parser.maxBytes());
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, ReportSubmission> record) {
        ReportSubmission submission = record.value();
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        Record<String, Object> out = record.withValue(null);
        SourceHeaders.stamp(out.headers(), meta.topic(), meta.partition(), meta.offset(),
                submission == null ? null : submission.getSubmissionId());
        if (submission == null) {
            // A tombstone on an append-only log is a producer mistake; account for it rather than drop it.
            MonitorMetrics.rejected("EMPTY", 0);
            reject(out, null, "EMPTY", "record " + meta.topic() + "/" + meta.partition() + "@" + meta.offset()
                    + " has no value (tombstone) where a submission was expected", null, meta);
            return;
        }
        if (!window.contains(submission.getReceivedAt())) {
            // Outside the span a replay was asked for: not part of this run's history.
            return;
        }
        var refused = UnwritableOutputs.refused(meta.topic(), meta.partition(), meta.offset());
        if (refused.isPresent() && refused.get().skip()) {
            log.error("submission={} at {}/{}@{}: not even the small dead letter could be written, skipped: {}",
                    submission.getSubmissionId(), meta.topic(), meta.partition(), meta.offset(), SafeText.forLog(refused.get().reason()));
            return;
        }
        long start = System.nanoTime();
        try {
            DisclosureReport report = parser.parse(submission);
            MonitorMetrics.parsed(System.nanoTime() - start);
            if (refused.isPresent()) {
                reject(out, submission, "UNWRITABLE", "the parsed report of this submission could not be written: " + refused.get().reason(),
                        null, meta);
                return;
            }
            log.info("parsed agency={} year={} report={} source={} submission={}", SafeText.forLog(report.getAgency()),
                    report.getYear(), SafeText.forLog(report.getReportId()), SafeText.forLog(submission.getSource()),
                    submission.getSubmissionId());
            context.forward(out.withKey(report.getAgency()).withValue(report), PARSED);
        } catch (ReportRejectedException e) {
            MonitorMetrics.rejected(e.reason().name(), System.nanoTime() - start);
            reject(out, submission, e.reason().name(), e.getMessage(), e.ruleId(), meta);
        }
    }

    private void reject(Record<String, ?> record, ReportSubmission submission, String code, String reason, String ruleId,
                        RecordMetadata meta) {
        ByteBuffer content = submission == null || submission.getContent() == null ? ByteBuffer.allocate(0) : submission.getContent();
        long size = content.remaining();
        var refused = UnwritableOutputs.refused(meta.topic(), meta.partition(), meta.offset());
        boolean carry = limits.deadLetterCanCarry(size) && refused.isEmpty();
        if (refused.isPresent() && !"UNWRITABLE".equals(code)) {
            reason = reason + " (dead letter without the original bytes: an earlier one could not be written: " + refused.get().reason() + ")";
        }
        RejectedSubmission rejected = RejectedSubmission.newBuilder()
                .setSubmissionId(submission == null ? null : submission.getSubmissionId())
                .setSource(submission == null ? null : submission.getSource())
                .setReasonCode(code).setReason(reason).setRuleId(ruleId)
                .setOriginal(carry ? content : ByteBuffer.allocate(0))
                .setOriginalIncluded(carry)
                .setOriginalSize(size)
                .setOriginalSha256(Sha256.hex(content))
                .setSourceTopic(meta.topic()).setSourcePartition(meta.partition()).setSourceOffset(meta.offset())
                .setRejectedAt(submission == null ? Instant.ofEpochMilli(record.timestamp()) : submission.getReceivedAt())
                .build();
        log.warn("rejected submission={} source={} reason={}: {}", submission == null ? "-" : submission.getSubmissionId(),
                SafeText.forLog(rejected.getSource()), code, SafeText.forLog(reason));
        String key = submission == null ? record.key() : submission.getSubmissionId();
        Record<String, Object> dead = record.withKey(key).withValue(rejected);
        if (refused.isPresent()) {
            dead.headers().add(UnwritableOutputHandler.SMALL_FORM_HEADER, "true".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        context.forward(dead, REJECTED);
    }
}
