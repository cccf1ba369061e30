package gongkai.alerts;

import java.util.Objects;

import gongkai.topics.AlertKeys;
import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVersion;
import gongkai.rules.Finding;

/** Turns a rule's finding about a report into the alert event users see, and an open alert into its resolution. */
public final class AlertFactory {
    private AlertFactory() {
    }

    public static ComplianceAlert raised(DisclosureReport report, ReportVersion comparedWith, Finding f, java.time.Instant eventAt) {
        return ComplianceAlert.newBuilder()
                .setAlertKey(AlertKeys.alert(report.getAgency(), report.getYear(), f.ruleId(), f.place().key()))
                .setStatus(AlertStatus.RAISED)
                .setRuleId(f.ruleId()).setKind(f.kind()).setSeverity(f.severity())
                .setAgency(report.getAgency()).setYear(report.getYear())
                .setLocation(f.place().toAlertLocation())
                .setExpected(f.expected()).setActual(f.actual())
                .setMessageZh(f.messageZh()).setMessageEn(f.messageEn())
                .setReport(report.getVersion()).setComparedWith(comparedWith)
                .setReportId(report.getReportId())
                .setEventAt(eventAt)
                .setDelta(f.delta()).setLeft(f.left()).setRight(f.right())
                .build();
    }

    /**
     * R-MISS-01 is about a report that does not exist: the alert names a placeholder version (source
     * "roster", no content hash) dated when the report became overdue.
     */
    public static ComplianceAlert missing(String agency, int year, Finding f, java.time.Instant overdueSince) {
        ReportVersion none = ReportVersion.newBuilder().setSha256("").setReceivedAt(overdueSince).setSubmissionId("")
                .setSource("roster").setPublishedAt(null).build();
        return ComplianceAlert.newBuilder()
                .setAlertKey(AlertKeys.alert(agency, year, f.ruleId(), f.place().key()))
                .setStatus(AlertStatus.RAISED)
                .setRuleId(f.ruleId()).setKind(f.kind()).setSeverity(f.severity())
                .setAgency(agency).setYear(year)
                .setLocation(f.place().toAlertLocation())
                .setExpected(f.expected()).setActual(f.actual())
                .setMessageZh(f.messageZh()).setMessageEn(f.messageEn())
                .setReport(none).setComparedWith(null)
                .setReportId(AlertKeys.report(agency, year) + "|missing")
                .setEventAt(overdueSince)
                .build();
    }

    /** The resolution of an open alert, caused by the given (newer) report version or the arrival of the other year. */
    public static ComplianceAlert resolved(ComplianceAlert open, DisclosureReport current, ReportVersion cause) {
        return ComplianceAlert.newBuilder(open)
                .setStatus(AlertStatus.RESOLVED)
                .setReport(current.getVersion())
                .setReportId(current.getReportId())
                .setMessageZh("已解决：" + open.getMessageZh())
                .setMessageEn("Resolved: " + open.getMessageEn())
                .setEventAt(cause.getReceivedAt())
                .build();
    }

    /** The resolution of an open alert for a reason other than a new version (the agency taken off the roster). */
    public static ComplianceAlert resolvedBecause(ComplianceAlert open, String prefixZh, String prefixEn, java.time.Instant at) {
        return ComplianceAlert.newBuilder(open)
                .setStatus(AlertStatus.RESOLVED)
                .setMessageZh(prefixZh + open.getMessageZh())
                .setMessageEn(prefixEn + open.getMessageEn())
                .setEventAt(at)
                .build();
    }

    /** Whether a newly computed alert says something different from the open one (not just a newer version of the same finding). */
    public static boolean differs(ComplianceAlert open, ComplianceAlert fresh) {
        return open.getSeverity() != fresh.getSeverity()
                || !Objects.equals(open.getExpected(), fresh.getExpected())
                || !Objects.equals(open.getActual(), fresh.getActual())
                || !Objects.equals(open.getComparedWith() == null ? null : open.getComparedWith().getSha256(),
                        fresh.getComparedWith() == null ? null : fresh.getComparedWith().getSha256());
    }
}
