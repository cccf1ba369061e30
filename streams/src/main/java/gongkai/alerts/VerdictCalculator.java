package gongkai.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;
import gongkai.avro.ReviewAction;
import gongkai.avro.Severity;
import gongkai.avro.VerdictOutcome;

/** The standing of one report from the alerts that stand against it. */
public final class VerdictCalculator {
    private VerdictCalculator() {
    }

    /** Alerts the office dismissed do not count against the report, as long as their dismissal stands. */
    public static ReportVerdict verdict(DisclosureReport report, Collection<ComplianceAlert> standing, Instant decidedAt) {
        List<ComplianceAlert> open = standing.stream().filter(a -> !dismissed(a)).toList();
        int errors = count(open, Severity.ERROR);
        int warnings = count(open, Severity.WARNING);
        int infos = count(open, Severity.INFO);
        VerdictOutcome outcome = errors > 0 ? VerdictOutcome.FAIL : warnings > 0 ? VerdictOutcome.WARN : VerdictOutcome.PASS;
        return ReportVerdict.newBuilder()
                .setAgency(report.getAgency()).setYear(report.getYear())
                .setReportId(report.getReportId()).setReport(report.getVersion())
                .setOutcome(outcome).setErrors(errors).setWarnings(warnings).setInfos(infos)
                .setOpenAlerts(open.stream().map(ComplianceAlert::getAlertKey).sorted().toList())
                .setDecidedAt(decidedAt)
                .build();
    }

    public static boolean dismissed(ComplianceAlert a) {
        return a.getReview() != null && a.getReview().getAction() == ReviewAction.DISMISS;
    }

    private static int count(Collection<ComplianceAlert> alerts, Severity s) {
        return (int) alerts.stream().filter(a -> a.getSeverity() == s).count();
    }
}
