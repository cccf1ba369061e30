package gongkai.parse;

/** Why a submission could not be turned into a {@link gongkai.avro.DisclosureReport}; the codes of RejectedSubmission.reasonCode. */
public enum RejectionReason {
    EMPTY,
    BINARY,
    /** The document is readable but is not a 政府信息公开工作年度报告. */
    NOT_A_REPORT,
    NO_YEAR,
    /** Section 3 or 4 stops before a row the template needs. */
    TABLE_TRUNCATED,
    /** The table is there but a row cannot be read with certainty (cells missing with no positions to place them). */
    TABLE_UNREADABLE,
    TOO_LARGE,
    /** The document exceeded a work bound (pages, characters, time, memory) before it was read. */
    TOO_COMPLEX,
    /** A PDF without a text layer (a scan): nothing to read without OCR. */
    NO_TEXT_LAYER,
    /** A format the monitor does not read (.xls/.xlsx, .wps, .ofd, ...). */
    UNSUPPORTED_FORMAT,
    UNREADABLE_DOCUMENT
}
