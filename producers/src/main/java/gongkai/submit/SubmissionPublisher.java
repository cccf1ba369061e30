package gongkai.submit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import gongkai.acl.ClientPrincipal;
import gongkai.avro.ReportSubmission;
import gongkai.parse.ReportParser;
import gongkai.serde.AvroSerde;
import gongkai.text.SafeText;
import gongkai.topics.RecordLimits;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes submissions to the submission log with an idempotent producer. The key is the source
 * (URL or file name), so successive versions of one document stay in order on one partition; the
 * topology re-keys by agency after parsing.
 */
public final class SubmissionPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SubmissionPublisher.class);

    private final KafkaProducer<String, ReportSubmission> producer;
    private final String topic;
    private final ReportParser limit;
    private final String principal;

    /** A publisher for documents up to the default document limit. */
    public SubmissionPublisher(Map<String, Object> clientConfig, String topic, AvroSerde<ReportSubmission> serde) {
        this(clientConfig, topic, serde, ReportParser.DEFAULT_MAX_BYTES);
    }

    /** A publisher for documents up to {@code maxDocumentBytes} ({@code parser.max.document.bytes}). */
    public SubmissionPublisher(Map<String, Object> clientConfig, String topic, AvroSerde<ReportSubmission> serde, long maxDocumentBytes) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(new RecordLimits(maxDocumentBytes).maxRecordBytes()));
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer());
        this.topic = topic;
        this.limit = new ReportParser(maxDocumentBytes);
        this.principal = ClientPrincipal.of(clientConfig);
    }

    /**
     * Publishes the submission, stamped with the principal this client authenticates as (on a secured cluster).
     * @throws DocumentTooLargeException if the document is over the limit (nothing is sent)
     */
    public Future<RecordMetadata> publish(ReportSubmission unstamped) {
        var tooLarge = limit.checkSize(unstamped.getContent().remaining(), SafeText.forLog(unstamped.getSource()));
        if (tooLarge.isPresent()) {
            throw new DocumentTooLargeException(tooLarge.get().getMessage());
        }
        ReportSubmission submission = principal == null || unstamped.getPrincipal() != null ? unstamped
                : ReportSubmission.newBuilder(unstamped).setPrincipal(principal).build();
        ProducerRecord<String, ReportSubmission> record = new ProducerRecord<>(topic, submission.getSource(), submission);
        record.headers().add("gongkai.submitter", submission.getSubmitter().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return producer.send(record, (meta, e) -> {
            if (e == null) {
                log.info("submitted submission={} source={} sha256={} at {}/{}@{}", submission.getSubmissionId(),
                        SafeText.forLog(submission.getSource()), submission.getSha256().substring(0, 12),
                        meta.topic(), meta.partition(), meta.offset());
            }
        });
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public RecordMetadata publishAndWait(ReportSubmission submission) {
        try {
            return publish(submission).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while submitting " + SafeText.forLog(submission.getSource()), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot submit " + SafeText.forLog(submission.getSource()) + " to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
