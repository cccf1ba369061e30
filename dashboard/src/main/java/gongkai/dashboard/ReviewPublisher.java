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
 * Writes the office's review decisions to the reviews topic and waits for the broker's acknowledgement,
 * so a page that says "recorded" is true. Keyed by the alert's agency, like the reports, so a review
 * reaches the topology task that holds the alert. Stands in for {@code gongkai.review.ReviewPublisher}
 * of the alerts work (same methods) until the two are merged into one.
 */
final class ReviewPublisher implements AutoCloseable {
    static final int MAX_COMMENT = 2000;

    private final KafkaProducer<String, AlertReview> producer;
    private final String topic;

    ReviewPublisher(Map<String, Object> clientConfig, String topic, AvroSerde<AlertReview> serde) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer());
        this.topic = topic;
    }

    /** A decision about the alert as it stands now: its expected/actual go along (a dismissal holds while they are unchanged). */
    static AlertReview review(ComplianceAlert alert, ReviewAction action, String comment, String reviewer, Instant at) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review names who decided (reviewer)");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment longer than " + MAX_COMMENT + " characters");
        }
        return AlertReview.newBuilder().setReviewId(UUID.randomUUID().toString()).setAlertKey(alert.getAlertKey()).setAction(action)
                .setComment(text).setReviewer(reviewer.strip()).setReviewedAt(at)
                .setExpected(alert.getExpected()).setActual(alert.getActual()).build();
    }

    AlertReview publish(AlertReview review) {
        String key = review.getAlertKey();
        String agency = key.substring(0, Math.max(0, key.indexOf('|')));
        try {
            producer.send(new ProducerRecord<>(topic, null, review.getReviewedAt().toEpochMilli(), agency, review)).get();
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
