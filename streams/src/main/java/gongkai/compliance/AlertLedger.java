package gongkai.compliance;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import gongkai.alerts.AlertFactory;
import gongkai.topics.AlertKeys;
import gongkai.alerts.VerdictCalculator;
import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;
import gongkai.avro.ReportVersion;
import gongkai.avro.ReviewState;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The alerts of one compliance task: which stand, raising and resolving them as findings come and go, the
 * supervising office's reviews kept with them, and each report's verdict.
 *
 * <p>A review stands while the finding it judged says the same (same expected and actual values): a dismissed
 * alert stays dismissed across versions that repeat the finding, and is raised again, unreviewed, when a version
 * changes its values. Every review is kept (latest per alert) so that a finding that comes back with the values the
 * office judged comes back with that judgement.
 */
final class AlertLedger {
    static final String ALERTS_STORE = "open-alerts-by-key";
    static final String REVIEWS_STORE = "reviews-by-alert-key";
    static final String ALERT_EVENTS = "alert-events-sink";
    static final String OPEN_ALERTS = "open-alerts-sink";
    static final String VERDICTS = "verdicts-sink";

    /** How many alerts a diff raised and resolved. */
    record Changes(int raised, int resolved) {
    }

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, ComplianceAlert> open;
    private final KeyValueStore<String, AlertReview> reviews;

    AlertLedger(ProcessorContext<String, Object> context, KeyValueStore<String, ComplianceAlert> open,
                KeyValueStore<String, AlertReview> reviews) {
        this.context = context;
        this.open = open;
        this.reviews = reviews;
    }

    /**
     * Brings the alerts of one report (agency and year) in line with fresh findings: new or changed findings are
     * raised, standing alerts in scope that are no longer found are resolved.
     */
    Changes diff(DisclosureReport report, Collection<ComplianceAlert> found, Predicate<String> inScope, ReportVersion cause,
                 long timestamp, Headers headers) {
        Map<String, ComplianceAlert> fresh = new LinkedHashMap<>();
        for (ComplianceAlert a : found) {
            fresh.putIfAbsent(a.getAlertKey(), withStandingReview(a));
        }
        Map<String, ComplianceAlert> standing = standing(report.getAgency(), report.getYear());
        standing.values().removeIf(a -> !inScope.test(a.getRuleId()));
        int raised = 0;
        int resolved = 0;
        for (ComplianceAlert a : fresh.values()) {
            ComplianceAlert was = standing.get(a.getAlertKey());
            if (was == null || AlertFactory.differs(was, a)) {
                open.put(a.getAlertKey(), a);
                emit(a.getAlertKey(), a, ALERT_EVENTS, timestamp, headers);
                emit(a.getAlertKey(), a, OPEN_ALERTS, timestamp, headers);
                raised++;
            } else if (!was.getReport().getSha256().equals(a.getReport().getSha256())) {
                // The same finding in a newer version: no new event, but the standing alert names the version it
                // now stands on (and that version's time, which keeps replays identical whatever order versions
                // of different sources were processed in).
                open.put(a.getAlertKey(), a);
                emit(a.getAlertKey(), a, OPEN_ALERTS, timestamp, headers);
            }
        }
        for (ComplianceAlert was : standing.values()) {
            if (!fresh.containsKey(was.getAlertKey())) {
                resolve(AlertFactory.resolved(was, report, cause), timestamp, headers);
                resolved++;
            }
        }
        return new Changes(raised, resolved);
    }

    /** Raises an alert not about a received report (R-MISS-01) unless it already stands. */
    boolean raiseIfAbsent(ComplianceAlert a, long timestamp) {
        if (open.get(a.getAlertKey()) != null) {
            return false;
        }
        ComplianceAlert reviewed = withStandingReview(a);
        open.put(a.getAlertKey(), reviewed);
        emit(a.getAlertKey(), reviewed, ALERT_EVENTS, timestamp, null);
        emit(a.getAlertKey(), reviewed, OPEN_ALERTS, timestamp, null);
        return true;
    }

    /** Resolves every standing alert of an agency (any year) that the predicate selects; returns how many. */
    int resolveAll(String agency, Predicate<ComplianceAlert> which, String whyZh, String whyEn, long timestamp) {
        int resolved = 0;
        try (KeyValueIterator<String, ComplianceAlert> it = open.prefixScan(AlertKeys.agencyPrefix(agency), new StringSerializer())) {
            while (it.hasNext()) {
                ComplianceAlert a = it.next().value;
                if (a.getAgency().equals(agency) && which.test(a)) {
                    resolve(AlertFactory.resolvedBecause(a, whyZh, whyEn, Instant.ofEpochMilli(timestamp)), timestamp, null);
                    resolved++;
                }
            }
        }
        return resolved;
    }

    /**
     * Keeps a review with its alert: the latest review per alert is remembered, and a standing alert whose
     * review changes is re-published on the open-alerts topic (and its report's verdict, since a dismissed alert
     * does not count against the report).
     *
     * @param report the current version of the alert's report, or null (R-MISS-01 has none)
     */
    void review(AlertReview review, DisclosureReport report, long timestamp, Headers headers) {
        ComplianceAlert alert = open.get(review.getAlertKey());
        AlertReview stamped = review;
        if (review.getExpected() == null && review.getActual() == null && alert != null) {
            // A review sent without the values it judged judges the values standing when it arrives.
            stamped = AlertReview.newBuilder(review).setExpected(alert.getExpected()).setActual(alert.getActual()).build();
        }
        AlertReview before = reviews.get(review.getAlertKey());
        if (before != null && before.getReviewedAt().isAfter(review.getReviewedAt())) {
            return;
        }
        reviews.put(review.getAlertKey(), stamped);
        if (alert == null) {
            return;
        }
        ComplianceAlert updated = withStandingReview(alert);
        if (Objects.equals(updated.getReview(), alert.getReview())) {
            return;
        }
        open.put(updated.getAlertKey(), updated);
        emit(updated.getAlertKey(), updated, OPEN_ALERTS, timestamp, headers);
        if (report != null) {
            verdict(report, report.getVersion(), timestamp, headers);
        }
    }

    /** Publishes the report's standing: a verdict record per parsed submission, so its submitter sees the outcome. */
    ReportVerdict verdict(DisclosureReport report, ReportVersion cause, long timestamp, Headers headers) {
        ReportVerdict verdict = VerdictCalculator.verdict(report, standing(report.getAgency(), report.getYear()).values(),
                cause.getReceivedAt());
        emit(AlertKeys.report(report.getAgency(), report.getYear()), verdict, VERDICTS, timestamp, headers);
        return verdict;
    }

    private void resolve(ComplianceAlert resolution, long timestamp, Headers headers) {
        open.delete(resolution.getAlertKey());
        emit(resolution.getAlertKey(), resolution, ALERT_EVENTS, timestamp, headers);
        emit(resolution.getAlertKey(), null, OPEN_ALERTS, timestamp, headers);
    }

    /** The alert with the office's review if one stands for these values, without one otherwise. */
    private ComplianceAlert withStandingReview(ComplianceAlert a) {
        AlertReview r = reviews.get(a.getAlertKey());
        boolean stands = r != null && Objects.equals(r.getExpected(), a.getExpected()) && Objects.equals(r.getActual(), a.getActual());
        ReviewState state = stands ? ReviewState.newBuilder().setAction(r.getAction()).setReviewer(r.getReviewer())
                .setComment(r.getComment()).setReviewedAt(r.getReviewedAt()).build() : null;
        return Objects.equals(state, a.getReview()) ? a : ComplianceAlert.newBuilder(a).setReview(state).build();
    }

    private Map<String, ComplianceAlert> standing(String agency, int year) {
        Map<String, ComplianceAlert> out = new LinkedHashMap<>();
        try (KeyValueIterator<String, ComplianceAlert> it = open.prefixScan(AlertKeys.alertPrefix(agency, year), new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, ComplianceAlert> kv = it.next();
                out.put(kv.key, kv.value);
            }
        }
        return out;
    }

    private void emit(String key, Object value, String sink, long timestamp, Headers headers) {
        context.forward(headers == null ? new Record<>(key, value, timestamp) : new Record<>(key, value, timestamp, headers), sink);
    }
}
