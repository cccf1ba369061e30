package gongkai.parse;

/** Why a submission could not be turned into a {@link gongkai.avro.DisclosureReport}; the codes of RejectedSubmission.reasonCode. */
public enum RejectionReason {
    EMPTY, BINARY, NOT_A_REPORT, NO_YEAR, TABLE_TRUNCATED, TOO_LARGE, UNREADABLE_DOCUMENT
}
