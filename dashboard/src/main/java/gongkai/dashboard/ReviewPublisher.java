package gongkai.dashboard;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewAction;
import gongkai.serde.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the office's review decisions to the reviews topic, keyed by alert key, and waits for the
 * broker's acknowledgement so a page that says "recorded" is true. (Stands in for the shared publisher
 * of the alerts work until both are merged into one.)
 */
final class ReviewPublisher implements AutoCloseable {
    private final KafkaProducer<String, AlertReview> producer;
    private final String topic;

    ReviewPublisher(Map<String, Object> clientConfig, String topic, AvroSerde<AlertReview> serde) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer());
        this.topic = topic;
    }

    /** Records a decision about the alert as it stands now (its expected/actual: a dismissal holds while they are unchanged). */
    AlertReview publish(ComplianceAlert alert, ReviewAction action, String reviewer, String comment) {
        AlertReview review = AlertReview.newBuilder().setReviewId(UUID.randomUUID().toString()).setAlertKey(alert.getAlertKey())
                .setAction(action).setReviewer(reviewer).setComment(comment).setReviewedAt(Instant.now())
                .setExpected(alert.getExpected()).setActual(alert.getActual()).build();
        try {
            producer.send(new ProducerRecord<>(topic, review.getAlertKey(), review)).get();
            return review;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the review", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot record the review on " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
