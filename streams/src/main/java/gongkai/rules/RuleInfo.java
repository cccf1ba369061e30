package gongkai.rules;

import gongkai.avro.Severity;

/** A catalog entry: the stable id, its kind, the default severity and a one-line description. */
public record RuleInfo(String id, String kind, Severity defaultSeverity, String descriptionZh, String descriptionEn) {

    /** A finding of this rule at its default severity; {@link RuleCatalog} applies configured overrides. */
    Finding finding(Location location, String expected, String actual, String messageZh, String messageEn) {
        return new Finding(id, kind, defaultSeverity, location, expected, actual, messageZh, messageEn);
    }
}
