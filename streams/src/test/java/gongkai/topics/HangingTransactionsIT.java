package gongkai.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import gongkai.local.HangingTransactions;
import gongkai.local.LocalKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up clean-up of the embedded broker sees every open transaction with its coordinator's state, and
 * leaves one in flight alone: only a transaction no coordinator will finish is aborted.
 */
class HangingTransactionsIT {
    @TempDir
    Path dir;

    @Test
    void anOpenTransactionInFlightIsSeenButNotAborted() throws Exception {
        try (LocalKafka kafka = LocalKafka.start(dir);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("tx", 1, (short) 1))).all().get();
            Topics.awaitLeaders(admin, List.of("tx"));
            assertEquals(List.of(), HangingTransactions.open(admin), "nothing open on a fresh broker");
            try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "hanging-it"), new StringSerializer(), new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx", "k", "v")).get();

                var open = HangingTransactions.open(admin);
                assertEquals(1, open.size(), open.toString());
                assertEquals(new TopicPartition("tx", 0), open.get(0).partition());
                assertEquals(TransactionState.ONGOING, open.get(0).coordinatorState());
                assertEquals(List.of(), HangingTransactions.abort(admin, LocalKafka.TRANSACTION_LOG_PARTITIONS), "a transaction its coordinator drives is not touched");

                producer.commitTransaction(); // still possible: nobody aborted it
            }
            // The commit markers are written after commitTransaction returns.
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
            while (!HangingTransactions.open(admin).isEmpty() && java.time.Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
            assertTrue(HangingTransactions.open(admin).isEmpty(), "committed: nothing open");
        }
    }
}
