package gongkai.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;

/**
 * Reads the binary Word .doc (Word 97-2003, OLE2) with POI HWPF into the same blocks as {@link DocxExtractor}:
 * paragraphs, and tables as rows of cells. A cell merged into the one on its left (the old horizontal merge) is
 * left out, so a cell spanning columns appears once; a cell merged into the one above appears blank.
 */
final class DocExtractor {
    private DocExtractor() {
    }

    static ExtractedDocument extract(byte[] content, String source) throws IOException, ReportRejectedException {
        DocumentBuilder out = new DocumentBuilder(DocumentType.DOC);
        try (HWPFDocument doc = open(content, source)) {
            Range range = doc.getRange();
            int count = range.numParagraphs();
            for (int i = 0; i < count; i++) {
                if (i % 2000 == 0) {
                    ParseBudget.checkpoint("paragraph " + (i + 1) + " of " + count);
                }
                Paragraph p = range.getParagraph(i);
                if (p.isInTable() && p.getTableLevel() == 1) {
                    ParseBudget.checkpoint("table at paragraph " + (i + 1));
                    Table t = range.getTable(p);
                    out.table(rows(t));
                    i += Math.max(1, t.numParagraphs()) - 1;
                } else if (!p.isInTable()) {
                    out.paragraph(clean(p.text()));
                }
            }
        }
        return out.build();
    }

    private static HWPFDocument open(byte[] content, String source) throws IOException, ReportRejectedException {
        try {
            return new HWPFDocument(new ByteArrayInputStream(content));
        } catch (OldWordFileFormatException e) {
            throw new ReportRejectedException(RejectionReason.UNSUPPORTED_FORMAT, source,
                    "a Word 95 or older .doc" + ContentSniffer.SUPPORTED + " (Word 97 and later)", e);
        } catch (EncryptedDocumentException e) {
            throw new ReportRejectedException(RejectionReason.UNSUPPORTED_FORMAT, source, "a password-protected .doc", e);
        }
    }

    private static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < table.numRows(); r++) {
            TableRow row = table.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                if (cell.isMerged() && !cell.isFirstMerged()) {
                    continue;
                }
                boolean continuation = cell.isVerticallyMerged() && !cell.isFirstVerticallyMerged();
                cells.add(continuation ? "" : cellText(cell));
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The cell's paragraphs joined by line breaks, like the .docx extraction. */
    private static String cellText(TableCell cell) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cell.numParagraphs(); i++) {
            String text = Cells.trim(clean(cell.getParagraph(i).text()));
            if (text.isEmpty()) {
                continue;
            }
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(text);
        }
        return b.toString();
    }

    /** Drops field codes (keeping their results), cell and paragraph marks; a manual line break is a line break. */
    private static String clean(String raw) {
        String s = Range.stripFields(raw);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\u000B' || c == '\n') {
                b.append('\n');
            } else if (c == '\u0007' || c < 0x20 && c != '\t') {
                continue;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
