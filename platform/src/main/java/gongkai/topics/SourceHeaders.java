package gongkai.topics;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Record headers that carry where a record came from, so an audit can follow any alert back to the
 * submission record (topic, partition, offset) that caused it.
 */
public final class SourceHeaders {
    public static final String TOPIC = "gongkai.source.topic";
    public static final String PARTITION = "gongkai.source.partition";
    public static final String OFFSET = "gongkai.source.offset";
    public static final String SUBMISSION_ID = "gongkai.submission.id";

    private SourceHeaders() {
    }

    public static void stamp(Headers headers, String topic, int partition, long offset, String submissionId) {
        put(headers, TOPIC, topic);
        put(headers, PARTITION, Integer.toString(partition));
        put(headers, OFFSET, Long.toString(offset));
        if (submissionId != null) {
            put(headers, SUBMISSION_ID, submissionId);
        }
    }

    public static Optional<String> get(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? Optional.empty() : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    /** "topic/partition@offset" for logs and CLI output. */
    public static String describe(Headers headers) {
        return get(headers, TOPIC).orElse("?") + "/" + get(headers, PARTITION).orElse("?") + "@" + get(headers, OFFSET).orElse("?");
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
