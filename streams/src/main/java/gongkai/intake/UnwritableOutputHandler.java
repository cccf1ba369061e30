package gongkai.intake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import gongkai.topics.SourceHeaders;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryClient;
import gongkai.text.SafeText;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an output of the parse step that cannot be written (too large for its topic, or refused
 * by the broker): it is replaced by a dead letter in small form, which names the submission and carries the
 * reference (sha256, size, source position) but not the bytes, and processing goes on. Each such output is
 * counted and logged. Transient errors are retried as Kafka Streams would by default.
 *
 * <p>A value too large is caught by the serializer ({@code BoundedSerializer}) before the producer sees it,
 * and the small form takes its place in the same transaction. A record the broker refuses has already failed
 * the transaction, which Kafka Streams aborts and retries from the submission: the refusal is remembered
 * ({@link UnwritableOutputs}) so that the retry writes the small form, and a retry after that writes nothing.
 */
public final class UnwritableOutputHandler implements ProductionExceptionHandler {
    /** Marks a dead letter this handler wrote in place of an output, so its own failure is never handled twice. */
    public static final String SMALL_FORM_HEADER = "gongkai.dead.letter.small";
    private static final Logger log = LoggerFactory.getLogger(UnwritableOutputHandler.class);
    private static final AtomicLong UNWRITTEN = new AtomicLong();
    private static final int MAX_REASON = 2000;

    private String rejectedTopic;
    private AvroSerde<RejectedSubmission> serde;
    private boolean exactlyOnce;

    @Override
    public void configure(Map<String, ?> configs) {
        rejectedTopic = (String) configs.get(PoisonSubmissionHandler.REJECTED_TOPIC_CONFIG);
        String url = (String) configs.get(PoisonSubmissionHandler.REGISTRY_URL_CONFIG);
        if (rejectedTopic == null || url == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs " + PoisonSubmissionHandler.REJECTED_TOPIC_CONFIG
                    + " and " + PoisonSubmissionHandler.REGISTRY_URL_CONFIG);
        }
        serde = new AvroSerde<>(RejectedSubmission.class, SchemaRegistryClient.connect(url), true);
        exactlyOnce = String.valueOf(configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).startsWith("exactly_once");
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return replace(context, record.topic(), record.key(), record.value(), record.headers(), exception);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        UnwritableOutputs.remember(context.topic(), context.partition(), context.offset(), cut(exception.toString()));
        if (exactlyOnce) {
            // The refusal has failed this transaction: nothing more can be written in it. The retry writes the small form.
            long n = UNWRITTEN.incrementAndGet();
            log.error("output of {} for {} was refused ({} unwritten outputs so far); the submission will be processed again and "
                    + "dead-lettered by reference: {}", describe(context), record.topic(), n, SafeText.forLog(exception.toString()));
            return Response.resume();
        }
        if (record.headers().lastHeader(SMALL_FORM_HEADER) != null) {
            long n = UNWRITTEN.incrementAndGet();
            log.error("the small dead letter for {} could not be written either ({} unwritten outputs so far): skipped: {}",
                    describe(context), n, SafeText.forLog(exception.toString()));
            return Response.resume();
        }
        Object value = null;
        if (rejectedTopic.equals(record.topic()) && record.value() != null) {
            try {
                value = serde.deserialize(record.topic(), record.value());
            } catch (RuntimeException unreadable) {
                // our own dead letter, written moments ago: unreadable only if the registry is gone; a generic one will do
            }
        }
        return replace(context, record.topic(), record.key(), value, record.headers(), exception);
    }

    private Response replace(ErrorHandlerContext context, String topic, Object key, Object value, Headers headers, Exception exception) {
        long n = UNWRITTEN.incrementAndGet();
        RejectedSubmission small = smallForm(context, topic, value, headers, exception);
        log.error("output of {} for {} could not be written ({} unwritten outputs so far), dead-lettered by reference and skipped: {}",
                describe(context), topic, n, SafeText.forLog(exception.toString()));
        Headers out = new RecordHeaders(headers.toArray());
        out.add(SMALL_FORM_HEADER, "true".getBytes(StandardCharsets.UTF_8));
        byte[] k = small.getSubmissionId() != null ? small.getSubmissionId().getBytes(StandardCharsets.UTF_8)
                : key instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : key instanceof byte[] b ? b : null;
        try {
            return Response.resume(List.of(new ProducerRecord<>(rejectedTopic, null, k, serde.serialize(rejectedTopic, small), out)));
        } catch (RuntimeException e) {
            log.error("the small dead letter for {} cannot be serialized either: skipped: {}", describe(context), SafeText.forLog(e.toString()));
            return Response.resume();
        }
    }

    private RejectedSubmission smallForm(ErrorHandlerContext context, String topic, Object value, Headers headers, Exception exception) {
        String why = "could not be written to " + topic + ": " + exception.getMessage();
        RejectedSubmission.Builder b;
        if (value instanceof RejectedSubmission dead) {
            // The rejection stands; only the original bytes are left out.
            b = RejectedSubmission.newBuilder(dead).setReason(cut(dead.getReason() + " (dead letter without the original bytes: " + why + ")"));
        } else {
            b = RejectedSubmission.newBuilder().setReasonCode("UNWRITABLE")
                    .setSubmissionId(SourceHeaders.get(headers, SourceHeaders.SUBMISSION_ID).orElse(null))
                    .setReason(cut("the " + (value instanceof DisclosureReport ? "parsed report" : "output") + " of this submission " + why))
                    .setSourceTopic(context.topic() == null ? SourceHeaders.get(headers, SourceHeaders.TOPIC).orElse("?") : context.topic())
                    .setSourcePartition(context.partition())
                    .setSourceOffset(context.offset())
                    .setRejectedAt(Instant.ofEpochMilli(Math.max(0, context.timestamp())))
                    .setOriginalSize(-1);
            if (value instanceof DisclosureReport report) {
                b.setSource(report.getVersion().getSource()).setOriginalSha256(report.getVersion().getSha256())
                        .setSubmissionId(report.getVersion().getSubmissionId());
            }
        }
        return b.setOriginal(ByteBuffer.allocate(0)).setOriginalIncluded(false).build();
    }

    private static String describe(ErrorHandlerContext context) {
        return context.topic() == null ? "a punctuation" : context.topic() + "/" + context.partition() + "@" + context.offset();
    }

    private static String cut(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }
}
