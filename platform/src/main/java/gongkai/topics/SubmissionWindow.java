package gongkai.topics;

import java.time.Instant;

/**
 * The span of the submission log a run considers, by received-at time: everything for a live run,
 * [from, until] for an audit replay ("which alerts stood on 2024-03-31?").
 */
public record SubmissionWindow(Instant from, Instant until) {
    public static final SubmissionWindow ALL = new SubmissionWindow(null, null);

    public boolean contains(Instant receivedAt) {
        return (from == null || !receivedAt.isBefore(from)) && (until == null || !receivedAt.isAfter(until));
    }
}
