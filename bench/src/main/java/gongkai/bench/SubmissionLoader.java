package gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import gongkai.avro.ReportSubmission;
import gongkai.serde.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a history to the submission topic as the monitor's own publisher does (idempotent, acks=all, key =
 * source, Confluent-wire Avro value), plus the {@value History#SEQ_HEADER} header that lets the bench follow each
 * submission through the topology. Also writes raw bytes, for the poison and incompatible-schema tests.
 */
public final class SubmissionLoader implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final AvroSerde<ReportSubmission> serde;

    public SubmissionLoader(Map<String, Object> clients, String topic, AvroSerde<ReportSubmission> serde, boolean lowLatency) {
        Map<String, Object> p = new HashMap<>(clients);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, lowLatency ? "0" : "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(lowLatency ? 16384 : 512 * 1024));
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(gongkai.topics.RecordLimits.DEFAULT.maxRecordBytes()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.serde = serde;
    }

    public Future<RecordMetadata> send(History h, History.Event e, int seqOffset) {
        return send(h.submission(e), seqOffset + e.seq());
    }

    private Future<RecordMetadata> send(ReportSubmission s, int seq) {
        return sendRaw(s.getSource().getBytes(StandardCharsets.UTF_8), serde.serialize(topic, s), seq);
    }

    public Future<RecordMetadata> sendRaw(byte[] key, byte[] value, int seq) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(History.SEQ_HEADER, Integer.toString(seq).getBytes(StandardCharsets.UTF_8));
        headers.add("gongkai.submitter", "bench".getBytes(StandardCharsets.UTF_8));
        return producer.send(new ProducerRecord<>(topic, null, key, value, headers));
    }

    /** Publishes every event of the history (seq = seqOffset + event seq) and waits for all acknowledgements. */
    public void sendAll(History h, int seqOffset) {
        sendAll(h, seqOffset, new java.util.EnumMap<>(FormatMix.Format.class));
    }

    /** {@link #sendAll(History, int)}, counting the reports per format; returns the bytes of all documents sent. */
    public long sendAll(History h, int seqOffset, Map<FormatMix.Format, Long> byFormat) {
        List<Future<RecordMetadata>> sent = new ArrayList<>(h.size());
        long bytes = 0;
        for (History.Event e : h.events()) {
            ReportSubmission s = h.submission(e);
            bytes += s.getContent().remaining();
            if (e.kind() != History.Kind.GARBAGE) {
                byFormat.merge(h.format(e), 1L, Long::sum);
            }
            sent.add(send(s, seqOffset + e.seq()));
        }
        flush();
        // flush() returns when every send has completed, failed ones included: a lost submission must stop the bench here.
        sent.forEach(SubmissionLoader::await);
        return bytes;
    }

    public void flush() {
        producer.flush();
    }

    public static void await(Future<RecordMetadata> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
