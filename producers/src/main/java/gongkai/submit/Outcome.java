package gongkai.submit;

import gongkai.avro.ReportVerdict;

/**
 * What became of one submission: parsed into a report and judged (verdict), or rejected with a reason.
 * A submission still in flight when the wait ended has neither.
 */
public record Outcome(String submissionId, String source, String agency, Integer year, String reportId,
                      ReportVerdict verdict, String rejectedCode, String rejectedReason) {

    public boolean rejected() {
        return rejectedCode != null;
    }

    public boolean done() {
        return rejected() || verdict != null;
    }
}
