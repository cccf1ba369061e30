package gongkai.rules;

import gongkai.avro.Severity;
import gongkai.report.Place;

/** A catalog entry: the stable id, its kind, the default severity and a one-line description. */
public record RuleInfo(String id, String kind, Severity defaultSeverity, String descriptionZh, String descriptionEn) {
    private static final ClassValue<RuleInfo> DECLARED = new ClassValue<>() {
        @Override
        protected RuleInfo computeValue(Class<?> type) {
            RuleSpec spec = type.getAnnotation(RuleSpec.class);
            if (spec == null) {
                throw new IllegalStateException(type.getName() + " has no @RuleSpec");
            }
            return new RuleInfo(spec.id(), spec.kind(), spec.severity(), spec.zh(), spec.en());
        }
    };

    /** The entry a rule class declares with {@link RuleSpec}. */
    static RuleInfo of(Class<?> ruleClass) {
        return DECLARED.get(ruleClass);
    }

    /** A finding of this rule at its default severity; {@link RuleCatalog} applies configured overrides. */
    Finding finding(Place place, String expected, String actual, String messageZh, String messageEn) {
        return new Finding(id, kind, defaultSeverity, place, expected, actual, messageZh, messageEn);
    }
}
