package gongkai.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;

/**
 * What the dashboard knows, folded from the topics: the standing alerts and verdicts (compacted tables),
 * every report version and alert event (logs), rejections and review events. One lock: writes come from
 * one consumer thread, reads copy what a page needs.
 */
final class ViewState {
    /** How many rejections the Rejected page keeps in memory (newest); the topic keeps them all. */
    static final int MAX_REJECTIONS = 5_000;

    private final Map<String, ComplianceAlert> open = new LinkedHashMap<>();
    private final Map<String, ReportVerdict> verdicts = new LinkedHashMap<>();
    private final Map<String, DisclosureReport> reports = new HashMap<>();
    private final Map<String, String> reportIdBySha = new HashMap<>();
    private final Map<String, List<DisclosureReport>> versionsByAgency = new TreeMap<>();
    private final Map<String, List<ComplianceAlert>> eventsByAgency = new HashMap<>();
    private final Deque<Rejection> rejections = new ArrayDeque<>();
    private final Map<String, List<AlertReview>> reviews = new HashMap<>();

    synchronized void openAlert(String key, ComplianceAlert alert) {
        if (alert == null) {
            open.remove(key);
        } else {
            open.put(key, alert);
        }
    }

    synchronized void verdict(String key, ReportVerdict verdict) {
        if (verdict == null) {
            verdicts.remove(key);
        } else {
            verdicts.put(key, verdict);
        }
    }

    synchronized void report(DisclosureReport r) {
        if (r == null || reports.containsKey(r.getReportId())) {
            return;
        }
        reports.put(r.getReportId(), r);
        reportIdBySha.putIfAbsent(r.getVersion().getSha256(), r.getReportId());
        versionsByAgency.computeIfAbsent(r.getAgency(), a -> new ArrayList<>()).add(r);
    }

    synchronized void alertEvent(ComplianceAlert a) {
        eventsByAgency.computeIfAbsent(a.getAgency(), k -> new ArrayList<>()).add(a);
    }

    synchronized void rejection(Rejection r) {
        rejections.addFirst(r);
        if (rejections.size() > MAX_REJECTIONS) {
            rejections.removeLast();
        }
    }

    synchronized void review(AlertReview r) {
        reviews.computeIfAbsent(r.getAlertKey(), k -> new ArrayList<>()).add(r);
    }

    synchronized List<ComplianceAlert> openAlerts() {
        return new ArrayList<>(open.values());
    }

    synchronized Optional<ComplianceAlert> openAlert(String key) {
        return Optional.ofNullable(open.get(key));
    }

    /** The latest event of an alert (it may be resolved, so no longer on the open table). */
    synchronized Optional<ComplianceAlert> lastEvent(String key) {
        for (List<ComplianceAlert> events : eventsByAgency.values()) {
            for (int i = events.size() - 1; i >= 0; i--) {
                if (events.get(i).getAlertKey().equals(key)) {
                    return Optional.of(events.get(i));
                }
            }
        }
        return Optional.empty();
    }

    synchronized List<ReportVerdict> verdicts() {
        return new ArrayList<>(verdicts.values());
    }

    synchronized Optional<DisclosureReport> report(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    synchronized Optional<DisclosureReport> reportBySha(String sha256) {
        return Optional.ofNullable(reportIdBySha.get(sha256)).map(reports::get);
    }

    /** Every version of every report of an agency, oldest first. */
    synchronized List<DisclosureReport> versions(String agency) {
        List<DisclosureReport> out = new ArrayList<>(versionsByAgency.getOrDefault(agency, List.of()));
        out.sort(Comparator.comparing((DisclosureReport r) -> r.getVersion().getReceivedAt()));
        return out;
    }

    synchronized List<String> agencies() {
        return new ArrayList<>(versionsByAgency.keySet());
    }

    synchronized List<ComplianceAlert> events(String agency) {
        return new ArrayList<>(eventsByAgency.getOrDefault(agency, List.of()));
    }

    synchronized List<Rejection> rejections() {
        return new ArrayList<>(rejections);
    }

    synchronized List<AlertReview> reviews(String alertKey) {
        return new ArrayList<>(reviews.getOrDefault(alertKey, List.of()));
    }
}
