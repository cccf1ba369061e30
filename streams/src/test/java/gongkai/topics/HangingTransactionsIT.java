package gongkai.topics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import gongkai.local.HangingTransactions;
import gongkai.local.LocalKafka;
import gongkai.testkit.LocalCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up clean-up of the embedded broker sees every open transaction with its coordinator's state, and
 * leaves one in flight alone: only a transaction no coordinator will finish is aborted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HangingTransactionsIT {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void anOpenTransactionInFlightIsSeenButNotAborted() throws Exception {
        cluster.createTopics(1, "tx");
        try (Admin admin = cluster.admin()) {
            Topics.awaitLeaders(admin, List.of("tx"));
            assertEquals(List.of(), HangingTransactions.open(admin), "nothing open on a fresh broker");
            try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
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
            await("committed: nothing open").atMost(Duration.ofSeconds(30)).until(() -> HangingTransactions.open(admin).isEmpty());
        }
    }
}
