package gongkai.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import gongkai.alerts.AlertFactory;
import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;
import gongkai.avro.ReportVersion;
import gongkai.avro.RosterEntry;
import gongkai.topics.SubmissionWindow;
import gongkai.rules.ContinuityRule;
import gongkai.rules.Finding;
import gongkai.rules.RuleCatalog;
import gongkai.text.SafeText;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compliance step: checks each report against the rules and against the same agency's neighbouring years,
 * and keeps the alert lifecycle. Its three jobs live in their own classes: the {@link ReportHistory} (which version
 * of each year is current), the {@link AlertLedger} (raise, resolve, reviews, verdicts) and the {@link RosterWatch}
 * (R-MISS-01).
 *
 * <p>Reports, roster entries and reviews arrive keyed by agency, so every year of an agency is in this task's
 * stores. When year Y arrives (or is corrected) it is checked against Y-1, and Y+1 is re-checked against it: the
 * order in which years arrive does not matter. A key-value store is used rather than a versioned-store join
 * because a join skips out-of-order updates, and those are exactly the cases we must see. The store keeps only
 * each year's continuity facts ({@link ContinuityFacts}); a report's own rules run once, on arrival.
 */
public final class ComplianceProcessor implements Processor<String, Object, String, Object> {
    public static final String REPORTS_STORE = ReportHistory.REPORTS_STORE;
    public static final String SEEN_STORE = ReportHistory.SEEN_STORE;
    public static final String ROSTER_STORE = RosterWatch.ROSTER_STORE;
    public static final String ALERTS_STORE = AlertLedger.ALERTS_STORE;
    public static final String REVIEWS_STORE = AlertLedger.REVIEWS_STORE;
    public static final String ALERT_EVENTS = AlertLedger.ALERT_EVENTS;
    public static final String OPEN_ALERTS = AlertLedger.OPEN_ALERTS;
    public static final String VERDICTS = AlertLedger.VERDICTS;
    private static final Logger log = LoggerFactory.getLogger(ComplianceProcessor.class);

    /** Reports are due by dates in China; "today" for the roster check is the date there. */
    public static final ZoneId DEADLINE_ZONE = ZoneId.of("Asia/Shanghai");
    public static final Duration ROSTER_CHECK_INTERVAL = Duration.ofMinutes(1);

    private final RuleCatalog rules;
    private final Set<String> continuityRuleIds;
    private final Supplier<Instant> clock;
    private final SubmissionWindow window;
    private ReportHistory history;
    private AlertLedger ledger;
    private RosterWatch roster;

    public ComplianceProcessor(RuleCatalog rules) {
        this(rules, Instant::now, SubmissionWindow.ALL);
    }

    /**
     * @param clock  "now" for the roster check: the wall clock live, the end of the window in a replay
     * @param window the span a replay covers: roster changes and reviews after its end are not part of it
     */
    public ComplianceProcessor(RuleCatalog rules, Supplier<Instant> clock, SubmissionWindow window) {
        this.rules = rules;
        this.continuityRuleIds = rules.continuityRules().stream().map(ContinuityRule::id).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
        this.window = window;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        history = new ReportHistory(context.getStateStore(REPORTS_STORE), context.getStateStore(SEEN_STORE));
        ledger = new AlertLedger(context, context.getStateStore(ALERTS_STORE), context.getStateStore(REVIEWS_STORE));
        roster = new RosterWatch(context.getStateStore(ROSTER_STORE), window, rules, clock, history, ledger);
        context.schedule(ROSTER_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, roster::checkAll);
    }

    /** Reports, the roster and reviews all come here keyed by agency: one task holds all of an agency. */
    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof DisclosureReport report) {
            processReport(report, record);
        } else if (record.value() instanceof AlertReview review) {
            processReview(review, record);
        } else if (record.value() instanceof RosterEntry entry) {
            roster.onChange(record.key(), entry, record.timestamp());
        } else if (record.value() == null && record.key() != null) {
            // Only the roster is compacted, so a tombstone takes an agency off it.
            roster.onChange(record.key(), null, record.timestamp());
        }
    }

    private void processReview(AlertReview review, Record<String, Object> record) {
        if (window.until() != null && review.getReviewedAt().isAfter(window.until())) {
            return;
        }
        String[] parts = review.getAlertKey().split("\\|", 3);
        DisclosureReport report = null;
        if (parts.length == 3 && parts[1].matches("\\d{4}")) {
            report = history.get(parts[0], Integer.parseInt(parts[1]));
        }
        ledger.review(review, report, record.timestamp(), record.headers());
        log.info("review alert={} action={} by={}", SafeText.forLog(review.getAlertKey()), review.getAction(),
                SafeText.forLog(review.getReviewer()));
    }

    private void processReport(DisclosureReport report, Record<String, Object> record) {
        ReportHistory.Arrival arrival = history.accept(report);
        if (arrival != ReportHistory.Arrival.CURRENT) {
            DisclosureReport current = history.get(report.getAgency(), report.getYear());
            log.info("{} agency={} year={} report={}: the version of {} stays current, nothing to re-check", arrival,
                    SafeText.forLog(report.getAgency()), report.getYear(), SafeText.forLog(report.getReportId()),
                    current.getVersion().getReceivedAt());
            ledger.verdict(current, report.getVersion(), record.timestamp(), record.headers());
            return;
        }
        ReportVersion cause = report.getVersion();
        DisclosureReport previous = history.get(report.getAgency(), report.getYear() - 1);
        List<Finding> findings = new ArrayList<>(rules.checkReport(report));
        findings.addAll(rules.checkContinuity(previous, report));
        diff(report, previous, findings, ruleId -> true, cause, record);
        DisclosureReport next = history.get(report.getAgency(), report.getYear() + 1);
        if (next != null) {
            // Only the following year's continuity with this one can have changed: only those rules run, on its stored facts.
            diff(next, report, rules.checkContinuity(report, next), continuityRuleIds::contains, cause, record);
        }
    }

    private void diff(DisclosureReport report, DisclosureReport previous, List<Finding> findings, Predicate<String> inScope,
                      ReportVersion cause, Record<String, Object> trigger) {
        List<ComplianceAlert> found = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            ReportVersion compared = continuityRuleIds.contains(f.ruleId()) && previous != null ? previous.getVersion() : null;
            // An alert stands from the moment everything it compares had arrived. That instant does not
            // depend on the order the two years were processed in, so replays give identical alerts.
            Instant since = compared != null && compared.getReceivedAt().isAfter(report.getVersion().getReceivedAt())
                    ? compared.getReceivedAt() : report.getVersion().getReceivedAt();
            found.add(AlertFactory.raised(report, compared, f, since));
        }
        AlertLedger.Changes changes = ledger.diff(report, found, inScope, cause, trigger.timestamp(), trigger.headers());
        ReportVerdict verdict = ledger.verdict(report, cause, trigger.timestamp(), trigger.headers());
        log.info("checked agency={} year={} report={}: {} raised, {} resolved, {} open, verdict {}",
                SafeText.forLog(report.getAgency()), report.getYear(), SafeText.forLog(report.getReportId()),
                changes.raised(), changes.resolved(), verdict.getOpenAlerts().size(), verdict.getOutcome());
    }
}
