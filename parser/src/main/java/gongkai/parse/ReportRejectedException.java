package gongkai.parse;

/** The one exception {@link ReportParser} throws: the submission is not a usable report, and the message says where and why. */
public class ReportRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;
    private final String source;
    private final String detail;

    public ReportRejectedException(RejectionReason reason, String source, String detail) {
        this(reason, source, detail, null);
    }

    public ReportRejectedException(RejectionReason reason, String source, String detail, Throwable cause) {
        super(source + ": " + detail, cause);
        this.reason = reason;
        this.source = source;
        this.detail = detail;
    }

    /** What was wrong and where, without the source name. */
    public String detail() {
        return detail;
    }

    public RejectionReason reason() {
        return reason;
    }

    /** The source (URL or file name) the rejected submission came from. */
    public String source() {
        return source;
    }

    /** The catalog rule the rejection stands for: only a missing year has one (R-ID-02). */
    public String ruleId() {
        return reason == RejectionReason.NO_YEAR ? "R-ID-02" : null;
    }
}
