package gongkai.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.Severity;

/** The numbers at the top of the overview: standing alerts still to act on by severity, and the dismissed ones. */
final class Counts {
    private Counts() {
    }

    static Map<String, Object> of(List<ComplianceAlert> open) {
        Map<String, Object> c = new LinkedHashMap<>();
        for (Severity s : new Severity[] {Severity.ERROR, Severity.WARNING, Severity.INFO}) {
            c.put(s.name(), open.stream().filter(a -> a.getSeverity() == s && !AlertQuery.dismissed(a)).count());
        }
        c.put("DISMISSED", open.stream().filter(AlertQuery::dismissed).count());
        c.put("STANDING", (long) open.size());
        return c;
    }
}
