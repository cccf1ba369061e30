package gongkai.rules;

import gongkai.report.Place;

/** A rule of the catalog: its entry is the {@link RuleSpec} on its class. */
public interface Rule {
    default RuleInfo info() {
        return RuleInfo.of(getClass());
    }

    default String id() {
        return info().id();
    }

    /** A finding of this rule at its default severity. */
    default Finding finding(Place place, String expected, String actual, String messageZh, String messageEn) {
        return info().finding(place, expected, actual, messageZh, messageEn);
    }
}
