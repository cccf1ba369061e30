package gongkai.continuity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import gongkai.alerts.AlertFactory;
import gongkai.alerts.AlertKeys;
import gongkai.alerts.VerdictCalculator;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;
import gongkai.avro.ReportVersion;
import gongkai.avro.RosterEntry;
import gongkai.rules.ContinuityRule;
import gongkai.rules.Finding;
import gongkai.rules.RuleCatalog;
import gongkai.text.SafeText;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each report against the rules and against the same agency's neighbouring years, and keeps
 * the alert lifecycle: an alert is RAISED when a finding appears and RESOLVED when it no longer holds.
 *
 * <p>Reports arrive keyed by agency, so every year of an agency is in this task's stores. When year
 * Y arrives (or is corrected) it is checked against Y-1, and Y+1 is re-checked against it: the order
 * in which years arrive does not matter. A key-value store is used rather than a versioned-store
 * join because a join skips out-of-order updates, and those are exactly the cases we must see. The
 * store keeps only each year's continuity facts ({@link ContinuityFacts}); a report's own rules run
 * once, on arrival.
 *
 * <p>The roster (agencies that must publish) arrives on the same task, keyed by agency too: an
 * agency's years without a report after their deadline raise R-MISS-01, checked when the agency joins
 * the roster and every {@link #ROSTER_CHECK_INTERVAL} after.
 */
public final class ComplianceProcessor implements Processor<String, Object, String, Object> {
    public static final String REPORTS_STORE = "reports-by-agency-year";
    public static final String ROSTER_STORE = "roster-by-agency";
    public static final String ALERTS_STORE = "open-alerts-by-key";
    public static final String ALERT_EVENTS = "alert-events-sink";
    public static final String OPEN_ALERTS = "open-alerts-sink";
    public static final String VERDICTS = "verdicts-sink";
    private static final Logger log = LoggerFactory.getLogger(ComplianceProcessor.class);

    /** Reports are due by dates in China; "today" for the roster check is the date there. */
    public static final ZoneId DEADLINE_ZONE = ZoneId.of("Asia/Shanghai");
    public static final Duration ROSTER_CHECK_INTERVAL = Duration.ofMinutes(1);

    private final RuleCatalog rules;
    private final Set<String> continuityRuleIds;
    private final Supplier<Instant> clock;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, DisclosureReport> reports;
    private KeyValueStore<String, ComplianceAlert> openAlerts;
    private KeyValueStore<String, RosterEntry> roster;

    public ComplianceProcessor(RuleCatalog rules) {
        this(rules, Instant::now);
    }

    /** @param clock "now" for the roster check: the wall clock live, the end of the window in a replay */
    public ComplianceProcessor(RuleCatalog rules, Supplier<Instant> clock) {
        this.rules = rules;
        this.continuityRuleIds = rules.continuityRules().stream().map(ContinuityRule::id).collect(Collectors.toUnmodifiableSet());
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.reports = context.getStateStore(REPORTS_STORE);
        this.openAlerts = context.getStateStore(ALERTS_STORE);
        this.roster = context.getStateStore(ROSTER_STORE);
        context.schedule(ROSTER_CHECK_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::checkRoster);
    }

    /**
     * R-MISS-01: for every agency on the roster (of this task's partition), every year from its first
     * expected year whose deadline has passed without a report. The alert is resolved like any other
     * when the report arrives, since that report's evaluation does not find it again.
     */
    private void checkRoster(long wallClockMs) {
        LocalDate today = LocalDate.ofInstant(clock.get(), DEADLINE_ZONE);
        try (KeyValueIterator<String, RosterEntry> it = roster.all()) {
            while (it.hasNext()) {
                checkMissing(it.next().value, today, wallClockMs);
            }
        }
    }

    private void checkMissing(RosterEntry entry, LocalDate today, long timestamp) {
        for (int year = entry.getFirstYear(); year < today.getYear(); year++) {
            if (reports.get(AlertKeys.report(entry.getAgency(), year)) != null) {
                continue;
            }
            Finding f = rules.checkMissing(entry.getAgency(), year, today).orElse(null);
            if (f == null) {
                continue;
            }
            String key = AlertKeys.alert(entry.getAgency(), year, f.ruleId(), f.location().key());
            if (openAlerts.get(key) == null) {
                Instant overdueSince = rules.deadline(entry.getAgency(), year).plusDays(1).atStartOfDay(DEADLINE_ZONE).toInstant();
                ComplianceAlert a = AlertFactory.missing(entry.getAgency(), year, f, overdueSince);
                openAlerts.put(key, a);
                context.forward(new Record<String, Object>(key, a, timestamp), ALERT_EVENTS);
                context.forward(new Record<String, Object>(key, a, timestamp), OPEN_ALERTS);
                log.info("missing agency={} year={}: no report after the deadline", SafeText.forLog(entry.getAgency()), year);
            }
        }
    }

    /** The roster and the parsed reports both come here, keyed by agency: one task holds all of an agency. */
    @Override
    public void process(Record<String, Object> record) {
        if (record.value() instanceof DisclosureReport report) {
            processReport(record.withValue(report));
        } else if (record.value() instanceof RosterEntry entry) {
            roster.put(record.key(), entry);
            log.info("roster: agency={} expected to publish from year {}", SafeText.forLog(entry.getAgency()), entry.getFirstYear());
            checkMissing(entry, LocalDate.ofInstant(clock.get(), DEADLINE_ZONE), record.timestamp());
        } else if (record.value() == null && record.key() != null && roster.get(record.key()) != null) {
            // A tombstone on the roster takes the agency off: it is no longer expected to publish, so its
            // missing-report alerts no longer hold.
            roster.delete(record.key());
            int resolved = 0;
            try (KeyValueIterator<String, ComplianceAlert> it = openAlerts.prefixScan(record.key() + "|", new StringSerializer())) {
                while (it.hasNext()) {
                    ComplianceAlert open = it.next().value;
                    if (open.getAgency().equals(record.key()) && open.getRuleId().equals(rules.missingReportRuleId())) {
                        ComplianceAlert r = ComplianceAlert.newBuilder(open).setStatus(gongkai.avro.AlertStatus.RESOLVED)
                                .setMessageZh("已解决（已移出名录）：" + open.getMessageZh())
                                .setMessageEn("Resolved (taken off the roster): " + open.getMessageEn())
                                .setEventAt(Instant.ofEpochMilli(record.timestamp())).build();
                        openAlerts.delete(open.getAlertKey());
                        context.forward(new Record<String, Object>(open.getAlertKey(), r, record.timestamp()), ALERT_EVENTS);
                        context.forward(new Record<String, Object>(open.getAlertKey(), null, record.timestamp()), OPEN_ALERTS);
                        resolved++;
                    }
                }
            }
            log.info("roster: agency={} removed, {} missing-report alert(s) resolved", SafeText.forLog(record.key()), resolved);
        }
    }

    private void processReport(Record<String, DisclosureReport> record) {
        DisclosureReport report = record.value();
        if (report == null) {
            return;
        }
        String key = AlertKeys.report(report.getAgency(), report.getYear());
        DisclosureReport stored = reports.get(key);
        if (stored != null && stored.getVersion().getSha256().equals(report.getVersion().getSha256())) {
            log.info("duplicate agency={} year={} report={}: same content as the version of {}, nothing to re-check",
                    SafeText.forLog(report.getAgency()), report.getYear(), report.getReportId(), stored.getVersion().getReceivedAt());
            emitVerdict(stored, record.value().getVersion(), record);
            return;
        }
        if (stored != null && report.getVersion().getReceivedAt().isBefore(stored.getVersion().getReceivedAt())) {
            log.info("stale agency={} year={} report={}: received before the version already held ({}), kept the newer one",
                    SafeText.forLog(report.getAgency()), report.getYear(), report.getReportId(), stored.getReportId());
            emitVerdict(stored, record.value().getVersion(), record);
            return;
        }
        reports.put(key, ContinuityFacts.of(report));
        ReportVersion cause = report.getVersion();
        evaluate(report, cause, record);
        DisclosureReport next = reports.get(AlertKeys.report(report.getAgency(), report.getYear() + 1));
        if (next != null) {
            recheckContinuity(next, cause, record);
        }
    }

    /** A report on arrival: every rule, and every alert of its agency and year is diffed against the findings. */
    private void evaluate(DisclosureReport report, ReportVersion cause, Record<String, DisclosureReport> trigger) {
        DisclosureReport previous = reports.get(AlertKeys.report(report.getAgency(), report.getYear() - 1));
        List<Finding> findings = new ArrayList<>(rules.checkReport(report));
        findings.addAll(rules.checkContinuity(previous, report));
        diff(report, previous, findings, ruleId -> true, cause, trigger);
    }

    /**
     * The following year when this one arrives or changes: only its continuity with this year can have
     * changed, so only the continuity rules run (on the stored facts) and only their alerts are diffed.
     */
    private void recheckContinuity(DisclosureReport next, ReportVersion cause, Record<String, DisclosureReport> trigger) {
        DisclosureReport previous = reports.get(AlertKeys.report(next.getAgency(), next.getYear() - 1));
        diff(next, previous, rules.checkContinuity(previous, next), continuityRuleIds::contains, cause, trigger);
    }

    private void diff(DisclosureReport report, DisclosureReport previous, List<Finding> findings, Predicate<String> inScope,
                      ReportVersion cause, Record<String, DisclosureReport> trigger) {
        Map<String, ComplianceAlert> fresh = new LinkedHashMap<>();
        for (Finding f : findings) {
            ReportVersion compared = continuityRuleIds.contains(f.ruleId()) && previous != null ? previous.getVersion() : null;
            // An alert stands from the moment everything it compares had arrived. That instant does not
            // depend on the order the two years were processed in, so replays give identical alerts.
            Instant since = compared != null && compared.getReceivedAt().isAfter(report.getVersion().getReceivedAt())
                    ? compared.getReceivedAt() : report.getVersion().getReceivedAt();
            ComplianceAlert a = AlertFactory.raised(report, compared, f, since);
            fresh.putIfAbsent(a.getAlertKey(), a);
        }
        Map<String, ComplianceAlert> standing = new LinkedHashMap<>(standingAlerts(report.getAgency(), report.getYear()));
        standing.values().removeIf(a -> !inScope.test(a.getRuleId()));

        int raised = 0;
        int resolved = 0;
        for (ComplianceAlert a : fresh.values()) {
            ComplianceAlert open = standing.get(a.getAlertKey());
            if (open == null || AlertFactory.differs(open, a)) {
                openAlerts.put(a.getAlertKey(), a);
                emit(trigger, a.getAlertKey(), a, ALERT_EVENTS);
                emit(trigger, a.getAlertKey(), a, OPEN_ALERTS);
                raised++;
            } else if (!open.getReport().getSha256().equals(a.getReport().getSha256())) {
                // The same finding in a newer version: no new event, but the standing alert names the version it
                // now stands on (and that version's time, which keeps replays identical whatever order versions
                // of different sources were processed in).
                openAlerts.put(a.getAlertKey(), a);
                emit(trigger, a.getAlertKey(), a, OPEN_ALERTS);
            }
        }
        for (ComplianceAlert open : standing.values()) {
            if (!fresh.containsKey(open.getAlertKey())) {
                ComplianceAlert r = AlertFactory.resolved(open, report, cause);
                openAlerts.delete(open.getAlertKey());
                emit(trigger, r.getAlertKey(), r, ALERT_EVENTS);
                emit(trigger, r.getAlertKey(), null, OPEN_ALERTS);
                resolved++;
            }
        }
        ReportVerdict verdict = emitVerdict(report, cause, trigger);
        log.info("checked agency={} year={} report={}: {} raised, {} resolved, {} open, verdict {}",
                SafeText.forLog(report.getAgency()), report.getYear(), SafeText.forLog(report.getReportId()),
                raised, resolved, verdict.getOpenAlerts().size(), verdict.getOutcome());
    }

    /**
     * Every parsed submission gets a verdict record (a duplicate or stale one gets the standing verdict
     * of the version held), so whoever submitted it can see the outcome on the verdicts topic.
     */
    private ReportVerdict emitVerdict(DisclosureReport report, ReportVersion cause, Record<String, DisclosureReport> trigger) {
        Map<String, ComplianceAlert> open = standingAlerts(report.getAgency(), report.getYear());
        ReportVerdict verdict = VerdictCalculator.verdict(report, open.values(), cause.getReceivedAt());
        emit(trigger, AlertKeys.report(report.getAgency(), report.getYear()), verdict, VERDICTS);
        return verdict;
    }

    private Map<String, ComplianceAlert> standingAlerts(String agency, int year) {
        Map<String, ComplianceAlert> out = new LinkedHashMap<>();
        try (KeyValueIterator<String, ComplianceAlert> it = openAlerts.prefixScan(AlertKeys.alertPrefix(agency, year), new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, ComplianceAlert> kv = it.next();
                out.put(kv.key, kv.value);
            }
        }
        return out;
    }

    private void emit(Record<String, DisclosureReport> trigger, String key, Object value, String sink) {
        context.forward(new Record<String, Object>(key, value, trigger.timestamp(), trigger.headers()), sink);
    }
}
