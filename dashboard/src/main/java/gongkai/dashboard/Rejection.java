package gongkai.dashboard;

import java.time.Instant;

import gongkai.avro.RejectedSubmission;

/** A document the monitor could not read, without its bytes (the dead-letter topic keeps those). */
public record Rejection(String submissionId, String source, String reasonCode, String reason, String ruleId, Instant rejectedAt,
                        String sourceTopic, int sourcePartition, long sourceOffset, int size) {

    static Rejection of(RejectedSubmission r) {
        return new Rejection(r.getSubmissionId(), r.getSource(), r.getReasonCode(), r.getReason(), r.getRuleId(), r.getRejectedAt(),
                r.getSourceTopic(), r.getSourcePartition(), r.getSourceOffset(), r.getOriginal().remaining());
    }
}
