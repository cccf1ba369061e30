package gongkai.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;

import gongkai.alerts.AlertFactory;
import gongkai.avro.RosterEntry;
import gongkai.topics.SubmissionWindow;
import gongkai.rules.Finding;
import gongkai.rules.RuleCatalog;
import gongkai.text.SafeText;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies on the roster (those that must publish) and R-MISS-01: every year from an agency's first expected
 * year whose deadline has passed without a report. Checked when the agency joins the roster and on a schedule;
 * the alert is resolved like any other when the report arrives, or when the agency is taken off the roster.
 *
 * <p>In a replay only the roster changes made up to the end of the window count (the record's timestamp is when
 * the change was made): an agency put on the roster after that moment was not expected to have published then.
 */
final class RosterWatch {
    static final String ROSTER_STORE = "roster-by-agency";
    private static final Logger log = LoggerFactory.getLogger(RosterWatch.class);

    private final KeyValueStore<String, RosterEntry> roster;
    private final SubmissionWindow window;
    private final RuleCatalog rules;
    private final Supplier<Instant> clock;
    private final ReportHistory history;
    private final AlertLedger ledger;

    RosterWatch(KeyValueStore<String, RosterEntry> roster, SubmissionWindow window, RuleCatalog rules, Supplier<Instant> clock,
                ReportHistory history, AlertLedger ledger) {
        this.roster = roster;
        this.window = window;
        this.rules = rules;
        this.clock = clock;
        this.history = history;
        this.ledger = ledger;
    }

    /** A roster record: an entry puts the agency on, a tombstone takes it off. Changes after the window are ignored. */
    void onChange(String agency, RosterEntry entry, long timestamp) {
        if (window.until() != null && Instant.ofEpochMilli(timestamp).isAfter(window.until())) {
            return;
        }
        if (entry != null) {
            roster.put(agency, entry);
            log.info("roster: agency={} expected to publish from year {}", SafeText.forLog(entry.getAgency()), entry.getFirstYear());
            checkMissing(entry, timestamp);
        } else if (roster.delete(agency) != null) {
            // No longer expected to publish, so its missing-report alerts no longer hold.
            int resolved = ledger.resolveAll(agency, a -> a.getRuleId().equals(rules.missingReportRuleId()),
                    "已解决（已移出名录）：", "Resolved (taken off the roster): ", timestamp);
            log.info("roster: agency={} removed, {} missing-report alert(s) resolved", SafeText.forLog(agency), resolved);
        }
    }

    /** The scheduled check over every agency on this task's roster. */
    void checkAll(long wallClockMs) {
        try (KeyValueIterator<String, RosterEntry> it = roster.all()) {
            while (it.hasNext()) {
                checkMissing(it.next().value, wallClockMs);
            }
        }
    }

    private void checkMissing(RosterEntry entry, long timestamp) {
        LocalDate today = LocalDate.ofInstant(clock.get(), ComplianceProcessor.DEADLINE_ZONE);
        for (int year = entry.getFirstYear(); year < today.getYear(); year++) {
            if (history.get(entry.getAgency(), year) != null) {
                continue;
            }
            Finding f = rules.checkMissing(entry.getAgency(), year, today).orElse(null);
            if (f == null) {
                continue;
            }
            Instant overdueSince = rules.deadline(entry.getAgency(), year).plusDays(1)
                    .atStartOfDay(ComplianceProcessor.DEADLINE_ZONE).toInstant();
            if (ledger.raiseIfAbsent(AlertFactory.missing(entry.getAgency(), year, f, overdueSince), timestamp)) {
                log.info("missing agency={} year={}: no report after the deadline", SafeText.forLog(entry.getAgency()), year);
            }
        }
    }
}
