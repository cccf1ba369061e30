package gongkai.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the intermediate form for structured inputs (HTML, .docx, PDF) and writes the same plain text the
 * sample extractions use (cells tab-indented, rows separated by blank lines), so offsets mean the same thing
 * whatever the input was.
 */
final class DocumentBuilder {
    private final DocumentType type;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int line = 1;

    DocumentBuilder(DocumentType type) {
        this.type = type;
    }

    void paragraph(String raw) {
        String p = Cells.stripArtefacts(raw == null ? "" : raw);
        for (String piece : p.split("\n", -1)) {
            if (Cells.trim(piece).isEmpty()) {
                continue;
            }
            blocks.add(new Block.Paragraph(piece, text.length(), line));
            append(piece);
            append("\n");
        }
    }

    void table(List<List<String>> rows) {
        List<List<String>> kept = new ArrayList<>();
        for (List<String> row : rows) {
            if (!row.isEmpty()) {
                List<String> cells = new ArrayList<>(row.size());
                for (String c : row) {
                    cells.add(Cells.stripArtefacts(c == null ? "" : c));
                }
                kept.add(List.copyOf(cells));
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        blocks.add(new Block.Table(List.copyOf(kept), text.length(), line));
        for (List<String> row : kept) {
            for (String cell : row) {
                append("\t");
                append(cell.replace("\r", ""));
                append("\n");
            }
            append("\n");
        }
    }

    private void append(String s) {
        text.append(s);
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
    }

    /** The line the next block starts on. */
    int line() {
        return line;
    }

    ExtractedDocument build() {
        return new ExtractedDocument(type, List.copyOf(blocks), text.toString());
    }
}
