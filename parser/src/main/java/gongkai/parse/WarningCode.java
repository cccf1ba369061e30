package gongkai.parse;

/**
 * What the parser noticed and did not guess about: the code of each {@code ParseWarning} it writes (the Avro field
 * stays a string, so that a reader of an older or newer parser's output never fails on a code it does not know).
 */
public enum WarningCode {
    /** A cell of a table left blank: read as 0 in arithmetic, and said so (R-CELL-01). */
    BLANK_CELL,
    /** A cell that is not a whole non-negative number (R-CELL-02). */
    BAD_NUMBER,
    /** "—", "－", "-", "/" or "无" written for 0: one note per table naming the sign and the cells. */
    ZERO_NOTATION,
    /** A cell placed by position rather than read in its row (a wrapped or shifted value): the cell says where it stood. */
    CELL_INFERRED,
    /** A row the reader could see but not read (its values do not fit the header): never shifted into place. */
    UNREAD_ROW,
    /** More values on a row than the table has columns. */
    EXTRA_CELLS,
    /** A template row printed twice; the first is kept. */
    DUPLICATE_ROW,
    /** Section 4 without all of its cells. */
    TABLE_INCOMPLETE,
    /** One of the six sections was not found. */
    MISSING_SECTION,
    /** A section heading numbered "2、" for "二、", or not numbered. */
    IRREGULAR_NUMBERING,
    /** The report year was taken from the body or the source, not the title. */
    YEAR_INFERRED,
    /** The table's template and the report year disagree. */
    TEMPLATE_CONFLICT,
    /** The template was chosen from the year because the table did not show it. */
    TEMPLATE_GUESSED,
    /** The agency came from the body or the source metadata, not the title (R-ID-01). */
    AGENCY_INFERRED,
    /** The submission's agency hint and the title name different agencies. */
    AGENCY_HINT_DIFFERS,
    /** The PDF's table could not be read by position; its text layer was read line by line instead. */
    PDF_READ_BY_LINE;

    /** The code of a warning as it is stored, for comparisons with what a report carries. */
    public boolean is(String stored) {
        return name().equals(stored);
    }
}
