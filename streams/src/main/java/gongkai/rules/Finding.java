package gongkai.rules;

import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.Severity;
import gongkai.report.Place;

/**
 * One defect a rule found in a report (or a pair of reports). Messages are plain text, never markup. An
 * arithmetic finding also carries the cells on each side of the identity that failed and the difference
 * (left minus right, that is expected minus actual), so the office sees what to fix without opening the report.
 */
public record Finding(String ruleId, String kind, Severity severity, Place place, String expected, String actual,
        String messageZh, String messageEn, Long delta, List<CellRef> left, List<CellRef> right) {

    public Finding {
        left = left == null ? List.of() : List.copyOf(left);
        right = right == null ? List.of() : List.copyOf(right);
    }

    public Finding(String ruleId, String kind, Severity severity, Place place, String expected, String actual,
                   String messageZh, String messageEn) {
        this(ruleId, kind, severity, place, expected, actual, messageZh, messageEn, null, List.of(), List.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, kind, newSeverity, place, expected, actual, messageZh, messageEn, delta, left, right);
    }

    /** The same finding with the identity it is about: the cells on each side and their difference. */
    public Finding withCells(Identity identity) {
        return new Finding(ruleId, kind, severity, place, expected, actual, messageZh, messageEn, identity.delta(),
                identity.left(), identity.right());
    }
}
