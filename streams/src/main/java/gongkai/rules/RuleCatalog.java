package gongkai.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gongkai.avro.DisclosureReport;
import gongkai.avro.Severity;

/**
 * All rules of this module with their severities: the catalog defaults, overridden per rule id from configuration
 * ({@code rules.severity.R-CELL-01=INFO}). Immutable and thread-safe, so one instance serves all stream threads.
 */
public final class RuleCatalog {
    public static final String SEVERITY_PREFIX = "rules.severity.";

    private final List<ReportRule> reportRules;
    private final MissingReportRule missingReportRule;
    private final List<ContinuityRule> continuityRules = Rules.continuityRules();
    private final Map<String, Severity> overrides;

    public RuleCatalog() {
        this(Map.of());
    }

    /** @throws IllegalArgumentException for an id not in the catalog: a typo would otherwise be ignored silently */
    public RuleCatalog(Map<String, Severity> severityOverrides) {
        this(severityOverrides, PublicationDeadline.DEFAULT);
    }

    /** @throws IllegalArgumentException for an id not in the catalog: a typo would otherwise be ignored silently */
    public RuleCatalog(Map<String, Severity> severityOverrides, PublicationDeadline deadlines) {
        this.reportRules = Rules.reportRules(deadlines);
        this.missingReportRule = new MissingReportRule(deadlines);
        for (Map.Entry<String, Severity> override : severityOverrides.entrySet()) {
            if (info(override.getKey()).isEmpty()) {
                throw new IllegalArgumentException("Unknown rule id in severity override: " + override.getKey());
            }
            if (override.getValue() == null) {
                throw new IllegalArgumentException("No severity given for " + override.getKey());
            }
        }
        this.overrides = Map.copyOf(severityOverrides);
    }

    /** Same as the constructor; the name reads better at the call site that wires the topology. */
    public static RuleCatalog withOverrides(Map<String, Severity> severityOverrides) {
        return new RuleCatalog(severityOverrides);
    }

    /** A catalog configured from properties; keys other than {@code rules.severity.*} are ignored. */
    public static RuleCatalog fromConfig(Map<?, ?> config) {
        return new RuleCatalog(severityOverrides(config));
    }

    /**
     * Reads {@code rules.severity.<rule id>=INFO|WARNING|ERROR} (case-insensitive value).
     *
     * @throws IllegalArgumentException naming the key, for an unknown rule id or severity
     */
    public static Map<String, Severity> severityOverrides(Map<?, ?> config) {
        Map<String, Severity> overrides = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : config.entrySet()) {
            String key = String.valueOf(entry.getKey()).trim();
            if (!key.startsWith(SEVERITY_PREFIX)) {
                continue;
            }
            String ruleId = key.substring(SEVERITY_PREFIX.length()).trim();
            if (info(ruleId).isEmpty()) {
                throw new IllegalArgumentException(key + ": unknown rule id " + ruleId);
            }
            String value = String.valueOf(entry.getValue()).trim().toUpperCase(Locale.ROOT);
            try {
                overrides.put(ruleId, Severity.valueOf(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": '" + entry.getValue() + "' is not INFO, WARNING or ERROR", e);
            }
        }
        return overrides;
    }

    /** Catalog entry of any rule, including those evaluated outside this module (R-ID-02 in the parser). */
    public static Optional<RuleInfo> info(String ruleId) {
        return Rules.ALL.stream().filter(i -> i.id().equals(ruleId)).findFirst();
    }

    /** Every rule of the catalog, in the order of their ids: those run here and those evaluated elsewhere. */
    public static List<RuleInfo> all() {
        return Rules.ALL;
    }

    /** Effective severity of a rule, for alerts raised outside this module too (R-ID-02 in the parser). */
    public Severity severity(String ruleId) {
        Severity override = overrides.get(ruleId);
        if (override != null) {
            return override;
        }
        return info(ruleId).map(RuleInfo::defaultSeverity)
                .orElseThrow(() -> new IllegalArgumentException("Unknown rule id: " + ruleId));
    }

    public List<ReportRule> reportRules() {
        return reportRules;
    }

    public List<ContinuityRule> continuityRules() {
        return continuityRules;
    }

    /** The publication deadline of an agency's report for a year (R-DL-01, R-MISS-01). */
    public java.time.LocalDate deadline(String agency, int year) {
        return missingReportRule.deadline(agency, year);
    }

    public String missingReportRuleId() {
        return missingReportRule.id();
    }

    /** R-MISS-01 for an agency on the roster, with its configured severity; empty if the deadline has not passed. */
    public Optional<Finding> checkMissing(String agency, int year, java.time.LocalDate today) {
        return missingReportRule.check(agency, year, today).map(f -> f.withSeverity(severity(f.ruleId())));
    }

    public List<Finding> checkReport(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (ReportRule rule : reportRules) {
            findings.addAll(configured(rule.check(report)));
        }
        return Collections.unmodifiableList(findings);
    }

    /**
     * @param previous the same agency's report for current.year - 1, or null if not received
     * @throws IllegalArgumentException if previous is not for the year before: a wiring error, not a report defect
     */
    public List<Finding> checkContinuity(DisclosureReport previous, DisclosureReport current) {
        if (previous != null && previous.getYear() != current.getYear() - 1) {
            throw new IllegalArgumentException("Continuity needs the report for " + (current.getYear() - 1)
                    + ", got " + previous.getYear());
        }
        List<Finding> findings = new ArrayList<>();
        for (ContinuityRule rule : continuityRules) {
            findings.addAll(configured(rule.check(previous, current)));
        }
        return Collections.unmodifiableList(findings);
    }

    /**
     * Applies the configured severity, and keeps the first finding per location key: the alert key is
     * agency|year|ruleId|location, so a second finding with the same key would overwrite the first downstream.
     */
    private List<Finding> configured(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        Set<String> keys = new HashSet<>();
        for (Finding finding : findings) {
            if (keys.add(finding.place().key())) {
                // A rule may raise its own default for one finding (R-CELL-01 when a check depends on the blanks);
                // a configured severity applies to all of them.
                Severity override = overrides.get(finding.ruleId());
                out.add(override == null || override == finding.severity() ? finding : finding.withSeverity(override));
            }
        }
        return out;
    }
}
