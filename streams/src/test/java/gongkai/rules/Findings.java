package gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions phrased the way a reader checks an alert: which rule, where, expected, actual. */
final class Findings {
    private Findings() {
    }

    /** Exactly one finding, with these facts. */
    static Finding single(List<Finding> findings, String ruleId, String locationKey, String expected, String actual) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + describe(findings));
        Finding finding = findings.get(0);
        assertFinding(finding, ruleId, locationKey, expected, actual);
        return finding;
    }

    static void assertFinding(Finding finding, String ruleId, String locationKey, String expected, String actual) {
        assertEquals(ruleId, finding.ruleId(), "ruleId");
        assertEquals(locationKey, finding.place().key(), "location");
        assertEquals(expected, finding.expected(), "expected");
        assertEquals(actual, finding.actual(), "actual");
        assertTrue(!finding.messageZh().isBlank() && !finding.messageEn().isBlank(), "both messages present");
    }

    static Finding at(List<Finding> findings, String locationKey) {
        return findings.stream().filter(f -> f.place().key().equals(locationKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at " + locationKey + " in " + describe(findings)));
    }

    static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.place().key()).collect(Collectors.toList());
    }

    static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + "@" + f.place().key() + " " + f.expected() + "/" + f.actual())
                .collect(Collectors.joining("; ", "[", "]"));
    }
}
