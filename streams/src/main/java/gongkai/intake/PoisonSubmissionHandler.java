package gongkai.intake;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import gongkai.avro.RejectedSubmission;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryClient;
import gongkai.text.SafeText;
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
    private static final Logger log = LoggerFactory.getLogger(PoisonSubmissionHandler.class);

    private String rejectedTopic;
    private AvroSerde<RejectedSubmission> serde;

    @Override
    public void configure(Map<String, ?> configs) {
        rejectedTopic = (String) configs.get(REJECTED_TOPIC_CONFIG);
        String url = (String) configs.get(REGISTRY_URL_CONFIG);
        if (rejectedTopic == null || url == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs " + REJECTED_TOPIC_CONFIG + " and " + REGISTRY_URL_CONFIG);
        }
        // The streams config carries the registry credentials and TLS settings (basic.auth.*, schema.registry.ssl.*) too.
        serde = new AvroSerde<>(RejectedSubmission.class, SchemaRegistryClient.connect(url, configs, null), true);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        byte[] original = record.value() == null ? new byte[0] : record.value();
        RejectedSubmission rejected = RejectedSubmission.newBuilder()
                .setReasonCode("UNDESERIALIZABLE")
                .setReason("record " + record.topic() + "/" + record.partition() + "@" + record.offset()
                        + " is not a readable ReportSubmission: " + exception.getMessage())
                .setOriginal(ByteBuffer.wrap(original))
                .setSourceTopic(record.topic()).setSourcePartition(record.partition()).setSourceOffset(record.offset())
                .setRejectedAt(Instant.ofEpochMilli(record.timestamp()))
                .build();
        log.warn("poison submission {}/{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(), rejectedTopic,
                SafeText.forLog(exception.getMessage()));
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(rejectedTopic, null, record.key(),
                serde.serialize(rejectedTopic, rejected), record.headers());
        SourceHeaders.stamp(dead.headers(), record.topic(), record.partition(), record.offset(), null);
        return Response.resume(List.of(dead));
    }
}
