package gongkai.cli;

import gongkai.submit.Outcome;
import gongkai.text.SafeText;

/** One line per submission, as the submit and demo commands print them. */
final class SubmitReport {
    private SubmitReport() {
    }

    static String line(Outcome o) {
        String source = SafeText.forLog(o.source());
        if (o.rejected()) {
            return "REJECTED " + source + ": " + o.rejectedCode() + ": " + SafeText.forLog(o.rejectedReason(), 500);
        }
        if (o.verdict() != null) {
            var v = o.verdict();
            // Content received before for that year (or overtaken by a newer version) is not current: the verdict is the current one's.
            String stays = o.reportId() != null && !o.reportId().equals(v.getReportId())
                    ? "  (this content is not the current version; the one received " + v.getReport().getReceivedAt() + " is)" : "";
            return String.format("%-8s %s: %s %d (%s) errors=%d warnings=%d infos=%d%s", v.getOutcome(), source,
                    SafeText.forLog(v.getAgency()), v.getYear(), SafeText.forLog(v.getReportId()), v.getErrors(), v.getWarnings(), v.getInfos(),
                    stays);
        }
        if (o.agency() != null) {
            return "PARSED   " + source + ": " + SafeText.forLog(o.agency()) + " " + o.year() + " (verdict not seen yet)";
        }
        return "PENDING  " + source + ": no outcome yet";
    }
}
