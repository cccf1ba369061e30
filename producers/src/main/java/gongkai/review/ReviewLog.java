package gongkai.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import gongkai.avro.AlertReview;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import gongkai.topics.TopicReader;

/** The reviews topic read as the audit trail it is: who decided what about which alert, and when. */
public final class ReviewLog {
    private ReviewLog() {
    }

    /** Every review whose alert the predicate selects, made up to {@code until} (null: all), oldest first. */
    public static List<AlertReview> read(Map<String, Object> clients, Topics topics, MonitorSerdes serdes, Predicate<AlertReview> which,
                                         Instant until) {
        List<AlertReview> out = new ArrayList<>();
        TopicReader.readToEnd(clients, topics.reviews(), serdes.reviews().deserializer(), r -> {
            AlertReview review = r.value();
            if (review != null && which.test(review) && (until == null || !review.getReviewedAt().isAfter(until))) {
                out.add(review);
            }
        });
        out.sort(Comparator.comparing(AlertReview::getReviewedAt).thenComparing(AlertReview::getReviewId));
        return out;
    }
}
