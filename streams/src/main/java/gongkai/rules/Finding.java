package gongkai.rules;

import gongkai.avro.Severity;

/** One defect a rule found in a report (or a pair of reports). Messages are plain text, never markup. */
public record Finding(String ruleId, String kind, Severity severity, Location location, String expected, String actual,
        String messageZh, String messageEn) {

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, kind, newSeverity, location, expected, actual, messageZh, messageEn);
    }
}
