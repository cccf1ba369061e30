package gongkai.compliance;

import gongkai.topics.AlertKeys;
import gongkai.avro.DisclosureReport;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The versions of each agency's reports a compliance task holds: the current version per year (only its
 * {@link ContinuityFacts}) and every content hash ever received for that year.
 *
 * <p>Only new content can become the current version. A document whose bytes were seen before for that agency and
 * year (the flawed original re-crawled from an old URL, a sample submitted again) changes nothing, even when a
 * correction has replaced it since: otherwise re-sending last month's file would bring back the errors the
 * correction fixed.
 */
final class ReportHistory {
    static final String REPORTS_STORE = "reports-by-agency-year";
    static final String SEEN_STORE = "seen-versions-by-agency-year-sha256";

    /** What a newly parsed version is to the history. */
    enum Arrival {
        /** New content, now the current version of its year. */
        CURRENT,
        /** The current version's content again. */
        SAME_AS_CURRENT,
        /** Content seen before for this year that is no longer current: a correction replaced it. */
        SEEN_BEFORE,
        /** Received before the current version (an out-of-order delivery): the newer one stays. */
        STALE
    }

    private final KeyValueStore<String, DisclosureReport> current;
    private final KeyValueStore<String, Long> seen;

    ReportHistory(KeyValueStore<String, DisclosureReport> current, KeyValueStore<String, Long> seen) {
        this.current = current;
        this.seen = seen;
    }

    /** Records the version's content hash and, if it is new and not stale, makes it the current version. */
    Arrival accept(DisclosureReport report) {
        String key = AlertKeys.report(report.getAgency(), report.getYear());
        DisclosureReport stored = current.get(key);
        String sha = report.getVersion().getSha256();
        String seenKey = key + "|" + sha;
        if (stored != null && stored.getVersion().getSha256().equals(sha)) {
            return Arrival.SAME_AS_CURRENT;
        }
        if (seen.get(seenKey) != null) {
            return Arrival.SEEN_BEFORE;
        }
        seen.put(seenKey, report.getVersion().getReceivedAt().toEpochMilli());
        if (stored != null && report.getVersion().getReceivedAt().isBefore(stored.getVersion().getReceivedAt())) {
            return Arrival.STALE;
        }
        if (stored != null) {
            // A state built before the seen-store existed has the current version's hash only here.
            seen.putIfAbsent(key + "|" + stored.getVersion().getSha256(), stored.getVersion().getReceivedAt().toEpochMilli());
        }
        current.put(key, ContinuityFacts.of(report));
        return Arrival.CURRENT;
    }

    /** The current version of a year (its continuity facts), or null if none has been received. */
    DisclosureReport get(String agency, int year) {
        return current.get(AlertKeys.report(agency, year));
    }
}
