package gongkai.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewAction;
import gongkai.avro.Severity;
import gongkai.watch.AlertFilter;

/**
 * The filter of the overview, the API and the exports, from the query string: the same filter as
 * {@code ./monitor alerts} ({@link AlertFilter}) plus which review standing to show.
 */
record AlertQuery(AlertFilter filter, Show show) {
    /** Standing alerts by review: the ones still to act on (not dismissed), the dismissed ones, or all. */
    enum Show { ACTIVE, DISMISSED, ALL }

    static final Comparator<ComplianceAlert> WORST_FIRST = Comparator.comparing((ComplianceAlert a) -> -a.getSeverity().ordinal())
            .thenComparing(ComplianceAlert::getAgency).thenComparing(ComplianceAlert::getYear)
            .thenComparing(ComplianceAlert::getRuleId).thenComparing(ComplianceAlert::getAlertKey);

    static AlertQuery parse(String rawQuery) {
        Map<String, String> p = params(rawQuery);
        Severity severity = Severity.INFO;
        if (p.containsKey("severity")) {
            try {
                severity = Severity.valueOf(p.get("severity").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("severity must be INFO, WARNING or ERROR");
            }
        }
        Integer year = null;
        if (p.containsKey("year")) {
            try {
                year = Integer.valueOf(p.get("year"));
            } catch (NumberFormatException e) {
                throw new BadRequest("year must be a number");
            }
        }
        Show show = Show.ACTIVE;
        if (p.containsKey("show")) {
            try {
                show = Show.valueOf(p.get("show").toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("show must be active, dismissed or all");
            }
        }
        return new AlertQuery(new AlertFilter(severity, p.get("agency"), year, p.get("rule")), show);
    }

    static boolean dismissed(ComplianceAlert a) {
        return a.getReview() != null && a.getReview().getAction() == ReviewAction.DISMISS;
    }

    boolean test(ComplianceAlert a) {
        boolean review = switch (show) {
            case ACTIVE -> !dismissed(a);
            case DISMISSED -> dismissed(a);
            case ALL -> true;
        };
        return review && filter.test(a);
    }

    List<ComplianceAlert> apply(List<ComplianceAlert> alerts) {
        return alerts.stream().filter(this::test).sorted(WORST_FIRST).toList();
    }

    /** The query string that gives this filter again (for the export links). */
    String toQueryString() {
        StringBuilder s = new StringBuilder();
        add(s, "severity", filter.minSeverity() == Severity.INFO ? null : filter.minSeverity().name());
        add(s, "agency", filter.agency());
        add(s, "year", filter.year());
        add(s, "rule", filter.ruleId());
        add(s, "show", show == Show.ACTIVE ? null : show.name().toLowerCase(java.util.Locale.ROOT));
        return s.toString();
    }

    private static void add(StringBuilder s, String name, Object value) {
        if (value != null) {
            s.append(s.length() == 0 ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    /** Query parameters, first value wins; empty values count as absent (an empty form field). */
    static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!value.isBlank()) {
                out.putIfAbsent(name, value.strip());
            }
        }
        return out;
    }
}
