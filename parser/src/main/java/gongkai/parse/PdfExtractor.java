package gongkai.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads PDF through PDFBox text extraction. A PDF has no table structure, only positioned words, so a line
 * whose words end in numbers is taken as a table row (label, then one cell per number) and consecutive such
 * lines as one table. Merged header cells are not recovered; that is enough for the numeric rows the rules read.
 */
final class PdfExtractor {
    private PdfExtractor() {
    }

    static final int MAX_PAGES = 300;
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9０-９][0-9０-９,.]*");

    static ExtractedDocument extract(byte[] content, String source) throws IOException, ReportRejectedException {
        String text;
        try (PDDocument pdf = Loader.loadPDF(content)) {
            if (pdf.getNumberOfPages() > MAX_PAGES) {
                throw new ReportRejectedException(RejectionReason.UNREADABLE_DOCUMENT, source,
                        "PDF has " + pdf.getNumberOfPages() + " pages, more than the " + MAX_PAGES + " a report can have");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            text = stripper.getText(pdf);
        }
        DocumentBuilder out = new DocumentBuilder(DocumentType.PDF);
        List<List<String>> table = new ArrayList<>();
        boolean tableSection = false;
        for (String line : text.split("\\R")) {
            int section = SectionSplitter.sectionOf(line);
            if (section > 0) {
                table = flush(out, table);
                // Sections 2-4 are tables and nothing else: every line there is a row, headers included.
                tableSection = section >= 2 && section <= 4;
                out.paragraph(line);
                continue;
            }
            List<String> row = tableSection ? cells(line) : asRow(line);
            if (row != null && !row.isEmpty()) {
                table.add(row);
                continue;
            }
            if (tableSection) {
                continue;
            }
            table = flush(out, table);
            out.paragraph(line);
        }
        flush(out, table);
        return out.build();
    }

    private static List<List<String>> flush(DocumentBuilder out, List<List<String>> table) {
        if (!table.isEmpty()) {
            out.table(table);
        }
        return new ArrayList<>();
    }

    /** A line of a table section as its cells: the printed columns are separated by white space. */
    private static List<String> cells(String line) {
        List<String> row = new ArrayList<>(Arrays.asList(Cells.trim(line).split("[\\s\u00A0\u3000]+")));
        row.removeIf(String::isEmpty);
        return row;
    }

    /** The cells of a line ending in numbers (label first), or null for a line of prose. */
    private static List<String> asRow(String line) {
        String[] words = Cells.trim(line).split("[\\s\u00A0\u3000]+");
        int firstNumber = words.length;
        while (firstNumber > 0 && NUMBER.matcher(words[firstNumber - 1]).matches()) {
            firstNumber--;
        }
        int numbers = words.length - firstNumber;
        if (numbers == 0 || numbers == 1 && firstNumber > 0 && words[firstNumber - 1].length() > 12) {
            return null;
        }
        // Label cells stay separate, as the columns of the printed table separated them ("三、本年度办理结果",
        // "（一）予以公开"): Chinese labels have no spaces inside, so a gap is a cell boundary.
        List<String> row = new ArrayList<>(Arrays.asList(words).subList(0, firstNumber));
        row.removeIf(String::isEmpty);
        row.addAll(Arrays.asList(words).subList(firstNumber, words.length));
        return row;
    }
}
