package gongkai.watch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gongkai.topics.TopicReader;
import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;

/**
 * Every version of every report of an agency, when it arrived, and the alert events each version
 * caused: read from the parsed-reports and alert-events topics (both keep everything).
 */
public final class AgencyHistory {
    /** One received version of one year's report, with the alerts raised about it and those it resolved. */
    public record Version(DisclosureReport report, boolean duplicate, List<ComplianceAlert> raised, List<ComplianceAlert> resolved) {
    }

    public record Year(String agency, int year, List<Version> versions) {
    }

    private AgencyHistory() {
    }

    /** @param agency exact agency name, or a part of it (all agencies whose name contains it) */
    public static List<Year> load(Map<String, Object> clients, Topics topics, MonitorSerdes serdes, String agency) {
        List<DisclosureReport> reports = new ArrayList<>();
        TopicReader.readToEnd(clients, topics.parsed(), serdes.reports().deserializer(), r -> {
            if (r.value() != null && r.value().getAgency().contains(agency)) {
                reports.add(r.value());
            }
        });
        List<ComplianceAlert> events = new ArrayList<>();
        TopicReader.readToEnd(clients, topics.alertEvents(), serdes.alerts().deserializer(), r -> {
            if (r.value() != null && r.value().getAgency().contains(agency)) {
                events.add(r.value());
            }
        });
        reports.sort(Comparator.comparing((DisclosureReport r) -> r.getVersion().getReceivedAt()));
        Map<String, Year> years = new TreeMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (DisclosureReport r : reports) {
            String key = r.getAgency() + "|" + r.getYear();
            Year y = years.computeIfAbsent(key, k -> new Year(r.getAgency(), r.getYear(), new ArrayList<>()));
            String sha = r.getVersion().getSha256();
            boolean duplicate = !seen.add(key + "|" + sha);
            List<ComplianceAlert> raised = duplicate ? List.of() : events.stream()
                    .filter(a -> a.getStatus() == AlertStatus.RAISED && a.getYear() == r.getYear() && a.getAgency().equals(r.getAgency())
                            && a.getReport().getSha256().equals(sha))
                    .toList();
            // A resolution names the version current when it happened; a resolution caused by another year's arrival
            // is listed under the version it concerns.
            List<ComplianceAlert> resolved = duplicate ? List.of() : events.stream()
                    .filter(a -> a.getStatus() == AlertStatus.RESOLVED && a.getYear() == r.getYear() && a.getAgency().equals(r.getAgency())
                            && a.getReport().getSha256().equals(sha))
                    .toList();
            y.versions().add(new Version(r, duplicate, raised, resolved));
        }
        return new ArrayList<>(years.values());
    }
}
