package gongkai.parse;

import java.util.List;

/**
 * The intermediate form every extractor produces: paragraphs and tables in document order, so a single
 * interpreter reads text, HTML, .docx and PDF alike. {@code offset} is the character offset in the extracted
 * text, {@code line} its 1-based line, used to name the place in messages.
 */
sealed interface Block permits Block.Paragraph, Block.Table {
    int offset();

    int line();

    record Paragraph(String text, int offset, int line) implements Block {
    }

    /** Rows of cells as printed; a cell merged from above (rowspan, vMerge) appears as a blank cell, a cell spanning columns appears once. */
    record Table(List<List<String>> rows, int offset, int line) implements Block {
    }
}
