package gongkai.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning to the end it had when reading started (read_committed), without
 * joining a consumer group: how the tools take a snapshot of a compacted table or an event log.
 */
public final class TopicReader {
    private TopicReader() {
    }

    /** A compacted topic as the table it stands for: the last value per key, keys whose last record is a tombstone left out. */
    public static <V> Map<String, V> readTable(Map<String, Object> clientConfig, String topic, Deserializer<V> values) {
        Map<String, V> table = new java.util.LinkedHashMap<>();
        readToEnd(clientConfig, topic, values, r -> {
            if (r.value() == null) {
                table.remove(r.key());
            } else {
                table.put(r.key(), r.value());
            }
        });
        return table;
    }

    public static <V> void readToEnd(Map<String, Object> clientConfig, String topic, Deserializer<V> values,
                                     Consumer<ConsumerRecord<String, V>> sink) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gongkai-reader-" + UUID.randomUUID());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            Instant deadline = Instant.now().plusSeconds(120);
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 120 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(sink);
            }
        }
    }
}
