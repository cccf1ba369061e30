package gongkai.parse;

import java.util.List;

/**
 * A document reduced to paragraphs and tables, with the plain text the offsets refer to, and what a web page says
 * about it outside its text ({@link PageMeta#NONE} for other documents).
 */
record ExtractedDocument(DocumentType type, List<Block> blocks, String text, PageMeta meta) {
    ExtractedDocument(DocumentType type, List<Block> blocks, String text) {
        this(type, blocks, text, PageMeta.NONE);
    }

    ExtractedDocument withMeta(PageMeta m) {
        return new ExtractedDocument(type, blocks, text, m == null ? PageMeta.NONE : m);
    }
}
