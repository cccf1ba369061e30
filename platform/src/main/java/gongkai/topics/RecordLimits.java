package gongkai.topics;

import gongkai.parse.ReportParser;

/**
 * The record sizes that follow from the document limit, so that every hop a document takes can carry it: the
 * submission producers' {@code max.request.size}, every topic's {@code max.message.bytes}, the topology's own
 * producer, and the dead letter. Kafka's defaults (1 MiB everywhere) would make the documented document limit
 * unreachable and turn a rejected 1 MiB document into a dead letter that cannot be written.
 *
 * @param maxDocumentBytes the largest document accepted ({@code parser.max.document.bytes})
 */
public record RecordLimits(long maxDocumentBytes) {
    /** Room for everything in a record besides the document: key, headers, the other fields, batch overhead. */
    public static final long ENVELOPE_BYTES = 1024 * 1024;
    /** Room a serialized value leaves for its key and headers (source URLs, provenance headers). */
    static final long KEY_AND_HEADERS_BYTES = 64 * 1024;

    public static final RecordLimits DEFAULT = new RecordLimits(ReportParser.DEFAULT_MAX_BYTES);

    public RecordLimits {
        if (maxDocumentBytes <= 0 || maxDocumentBytes > Integer.MAX_VALUE - 2 * ENVELOPE_BYTES) {
            throw new IllegalArgumentException("the document limit must be between 1 byte and 2 GiB minus the envelope: " + maxDocumentBytes);
        }
    }

    /** The largest record a topic accepts and a producer sends: {@code max.message.bytes}, {@code max.request.size}. */
    public int maxRecordBytes() {
        return Math.toIntExact(maxDocumentBytes + ENVELOPE_BYTES);
    }

    /** The largest serialized value the topology writes: what is left of a record after its key and headers. */
    public long maxValueBytes() {
        return maxRecordBytes() - KEY_AND_HEADERS_BYTES;
    }

    /** Whether a dead letter can carry the original bytes (with room for the reason and the reference) or only the reference. */
    public boolean deadLetterCanCarry(long originalBytes) {
        return originalBytes <= maxValueBytes() - KEY_AND_HEADERS_BYTES;
    }
}
