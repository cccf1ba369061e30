package gongkai.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Reads .docx with POI XWPF, taking tables as tables. XWPF gives a horizontally merged cell once (gridSpan) and a
 * vertically merged continuation as an empty cell, which is the convention of the intermediate form.
 */
final class DocxExtractor {
    private DocxExtractor() {
    }

    /** An entry of more than this many bytes is a zip bomb, not a report. */
    private static final long MAX_ENTRY_BYTES = 200L * 1024 * 1024;

    static {
        // Only ever tightens POI's process-wide limit, so other users of POI are not loosened.
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        }
    }

    static ExtractedDocument extract(byte[] content) throws IOException {
        DocumentBuilder out = new DocumentBuilder(DocumentType.DOCX);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph p) {
                    out.paragraph(p.getText());
                } else if (element instanceof XWPFTable t) {
                    out.table(rows(t));
                } else if (element instanceof XWPFSDT sdt) {
                    out.paragraph(sdt.getContent().getText());
                }
            }
        }
        return out.build();
    }

    private static List<List<String>> rows(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cellText(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String cellText(XWPFTableCell cell) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : cell.getParagraphs()) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(p.getText());
        }
        for (XWPFTable nested : cell.getTables()) {
            for (List<String> row : rows(nested)) {
                b.append('\n').append(String.join(" ", row));
            }
        }
        return b.toString();
    }
}
