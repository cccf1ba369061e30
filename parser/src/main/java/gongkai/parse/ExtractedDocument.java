package gongkai.parse;

import java.util.List;

/** A document reduced to paragraphs and tables, with the plain text the offsets refer to. */
record ExtractedDocument(DocumentType type, List<Block> blocks, String text) {
}
