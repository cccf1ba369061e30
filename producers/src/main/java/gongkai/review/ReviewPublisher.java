package gongkai.review;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import gongkai.topics.AlertKeys;
import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewAction;
import gongkai.serde.AvroSerde;
import gongkai.text.SafeText;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the supervising office's decisions about alerts (acknowledge, dismiss, reopen) to the reviews topic:
 * one event per decision, never overwritten, so the topic is the audit trail. Used by {@code ./monitor review} and
 * the dashboard's review form.
 *
 * <p>Records are keyed by the alert's agency, as the reports and the roster are, so that a review reaches the
 * compliance task that holds the alert. Each review carries the alert's expected and actual values as the office
 * saw them: a dismissal holds only while the finding says the same.
 */
public final class ReviewPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReviewPublisher.class);
    /** Longest comment kept; a review is a decision with a reason, not a document. */
    public static final int MAX_COMMENT = 2000;

    private final KafkaProducer<String, AlertReview> producer;
    private final String topic;

    public ReviewPublisher(Map<String, Object> clientConfig, String topic, AvroSerde<AlertReview> serde) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), serde.serializer());
        this.topic = topic;
    }

    /**
     * The review of a standing alert, as the office saw it.
     *
     * @throws IllegalArgumentException if the reviewer is blank or the comment too long
     */
    public static AlertReview review(ComplianceAlert alert, ReviewAction action, String comment, String reviewer, Instant at) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("a review names who decided (reviewer)");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment longer than " + MAX_COMMENT + " characters");
        }
        return AlertReview.newBuilder().setReviewId(UUID.randomUUID().toString()).setAlertKey(alert.getAlertKey())
                .setAction(action).setComment(text).setReviewer(reviewer.strip()).setReviewedAt(at)
                .setExpected(alert.getExpected()).setActual(alert.getActual()).build();
    }

    /** Publishes and waits for the broker's acknowledgement: once this returns, the review is in the audit trail. */
    public AlertReview publish(AlertReview review) {
        ProducerRecord<String, AlertReview> record = new ProducerRecord<>(topic, null, review.getReviewedAt().toEpochMilli(),
                AlertKeys.agencyOf(review.getAlertKey()), review);
        try {
            var meta = producer.send(record).get();
            log.info("review {} alert={} action={} by={} at {}/{}@{}", review.getReviewId(), SafeText.forLog(review.getAlertKey()),
                    review.getAction(), SafeText.forLog(review.getReviewer()), meta.topic(), meta.partition(), meta.offset());
            return review;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a review of " + SafeText.forLog(review.getAlertKey()), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish the review of " + SafeText.forLog(review.getAlertKey()) + " to " + topic
                    + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
