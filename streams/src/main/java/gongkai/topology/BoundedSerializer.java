package gongkai.topology;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A sink's value serializer that refuses a value too large for its topic before it reaches the producer.
 * Under exactly-once a record the broker refuses poisons the whole transaction, which is then aborted and
 * retried with the same record, forever; a serialization error instead goes to the production exception
 * handler ({@link gongkai.intake.UnwritableOutputHandler}) with the transaction intact.
 */
final class BoundedSerializer<T> implements Serializer<T> {
    private final Serializer<T> inner;
    private final long maxBytes;

    BoundedSerializer(Serializer<T> inner, long maxBytes) {
        this.inner = inner;
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return check(topic, inner.serialize(topic, data));
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        return check(topic, inner.serialize(topic, headers, data));
    }

    private byte[] check(String topic, byte[] bytes) {
        if (bytes != null && bytes.length > maxBytes) {
            throw new RecordTooLargeException("the value for " + topic + " is " + bytes.length + " bytes, over the "
                    + maxBytes + " bytes a record of the monitor may hold");
        }
        return bytes;
    }
}
