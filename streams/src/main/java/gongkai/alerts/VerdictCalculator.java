package gongkai.alerts;

import java.time.Instant;
import java.util.Collection;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVerdict;
import gongkai.avro.Severity;
import gongkai.avro.VerdictOutcome;

/** The standing of one report from the alerts that stand against it. */
public final class VerdictCalculator {
    private VerdictCalculator() {
    }

    public static ReportVerdict verdict(DisclosureReport report, Collection<ComplianceAlert> open, Instant decidedAt) {
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

    private static int count(Collection<ComplianceAlert> alerts, Severity s) {
        return (int) alerts.stream().filter(a -> a.getSeverity() == s).count();
    }
}
