package gongkai.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: a plain consumer → producer copy of the submission topic to another topic on the same broker,
 * same bytes (key, value, headers), no parsing. Consumer in a group of its own from the earliest offset,
 * read_committed like the topology; idempotent producer, acks=all; offsets committed after each batch is acknowledged
 * (at-least-once). The figure the topology's throughput is divided by.
 */
public final class Passthrough {
    public record Result(long records, long nanos) {
        public double perSecond() {
            return records / (nanos / 1e9);
        }
    }

    private Passthrough() {
    }

    public static Result run(Map<String, Object> clients, String from, String to, long expected, Duration timeout) {
        Map<String, Object> c = new HashMap<>(clients);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-passthrough-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> p = new HashMap<>(clients);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(gongkai.topics.RecordLimits.DEFAULT.maxRecordBytes()));
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(from));
            while (copied < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("passthrough copied " + copied + " of " + expected + " records within " + timeout);
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                List<Future<RecordMetadata>> sent = new ArrayList<>(batch.count());
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    sent.add(producer.send(new ProducerRecord<>(to, null, r.key(), r.value(), r.headers())));
                }
                producer.flush();
                sent.forEach(SubmissionLoader::await);
                consumer.commitSync();
                copied += batch.count();
            }
        }
        return new Result(copied, System.nanoTime() - start);
    }
}
