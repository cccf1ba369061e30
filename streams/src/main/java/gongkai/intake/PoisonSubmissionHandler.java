package gongkai.intake;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gongkai.text.Sha256;
import gongkai.topics.SourceHeaders;
import gongkai.avro.RejectedSubmission;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryClient;
import gongkai.text.SafeText;
import gongkai.topics.RecordLimits;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record on the submission log that is not a readable {@code ReportSubmission} (wrong format,
 * unknown schema id, an incompatible producer) goes to the dead-letter topic through Kafka Streams'
 * own dead-letter support (KIP-1034), as a {@code RejectedSubmission} with the original bytes, and
 * processing continues. Everything on the dead-letter topic has one format, so the people reading it
 * need one tool.
 */
public final class PoisonSubmissionHandler implements DeserializationExceptionHandler {
    public static final String REJECTED_TOPIC_CONFIG = "gongkai.rejected.topic";
    public static final String REGISTRY_URL_CONFIG = "gongkai.registry.url";
    /** The document limit, from which the dead letter knows whether it can carry the original bytes. */
    public static final String MAX_DOCUMENT_BYTES_CONFIG = "gongkai.max.document.bytes";
    private static final Logger log = LoggerFactory.getLogger(PoisonSubmissionHandler.class);

    private String rejectedTopic;
    private AvroSerde<RejectedSubmission> serde;
    private RecordLimits limits = RecordLimits.DEFAULT;

    @Override
    public void configure(Map<String, ?> configs) {
        rejectedTopic = (String) configs.get(REJECTED_TOPIC_CONFIG);
        String url = (String) configs.get(REGISTRY_URL_CONFIG);
        if (rejectedTopic == null || url == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs " + REJECTED_TOPIC_CONFIG + " and " + REGISTRY_URL_CONFIG);
        }
        // The streams config carries the registry credentials and TLS settings (basic.auth.*, schema.registry.ssl.*) too.
        serde = new AvroSerde<>(RejectedSubmission.class, SchemaRegistryClient.connect(url, configs, null), true);
        Object max = configs.get(MAX_DOCUMENT_BYTES_CONFIG);
        if (max != null) {
            limits = new RecordLimits(Long.parseLong(max.toString()));
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        var refused = UnwritableOutputs.refused(record.topic(), record.partition(), record.offset());
        if (refused.isPresent() && refused.get().skip()) {
            log.error("poison submission {}/{}@{}: not even the small dead letter could be written, skipped: {}", record.topic(),
                    record.partition(), record.offset(), SafeText.forLog(refused.get().reason()));
            return Response.resume();
        }
        ByteBuffer original = ByteBuffer.wrap(record.value() == null ? new byte[0] : record.value());
        boolean carry = limits.deadLetterCanCarry(original.remaining()) && refused.isEmpty();
        RejectedSubmission rejected = RejectedSubmission.newBuilder()
                .setReasonCode("UNDESERIALIZABLE")
                .setReason("record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                        + " is not a readable ReportSubmission: " + SafeText.forLog(exception.getMessage(), 500))
                .setOriginal(carry ? original : ByteBuffer.allocate(0))
                .setOriginalIncluded(carry)
                .setOriginalSize(original.remaining())
                .setOriginalSha256(Sha256.hex(original))
                .setSourceTopic(record.topic()).setSourcePartition(record.partition()).setSourceOffset(record.offset())
                .setRejectedAt(Instant.ofEpochMilli(record.timestamp()))
                .build();
        gongkai.metrics.MonitorMetrics.rejected(rejected.getReasonCode(), 0);
        log.warn("poison submission {}/{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), rejectedTopic,
                SafeText.forLog(exception.getMessage()));
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(rejectedTopic, null, record.key(),
                serde.serialize(rejectedTopic, rejected), record.headers());
        SourceHeaders.stamp(dead.headers(), record.topic(), record.partition(), record.offset(), null);
        if (refused.isPresent()) {
            dead.headers().add(UnwritableOutputHandler.SMALL_FORM_HEADER, "true".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return Response.resume(List.of(dead));
    }
}
