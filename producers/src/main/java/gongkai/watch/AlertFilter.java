package gongkai.watch;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.Severity;

/** Which alerts a user asked to see: at least a severity, optionally one agency (substring) and one year. */
public record AlertFilter(Severity minSeverity, String agency, Integer year, String ruleId) {

    public static AlertFilter all() {
        return new AlertFilter(Severity.INFO, null, null, null);
    }

    public boolean test(ComplianceAlert a) {
        return a.getSeverity().ordinal() >= minSeverity.ordinal()
                && (agency == null || a.getAgency().contains(agency))
                && (year == null || a.getYear() == year)
                && (ruleId == null || a.getRuleId().equalsIgnoreCase(ruleId));
    }
}
