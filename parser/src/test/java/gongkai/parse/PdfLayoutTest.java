package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gongkai.avro.DisclosureReport;

/**
 * Chinese PDFs as a print of the report lays them out: prose wrapped into lines, each table row on one line
 * (label, then its numbers). Needs a CJK font to write them: Debian's fonts-droid-fallback, which .ci/run installs;
 * where it is missing the test is skipped and says why.
 */
class PdfLayoutTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    static byte[] pdf(String name) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Object element : GovDocuments.model(name)) {
            if (element instanceof String paragraph) {
                String p = paragraph.strip();
                for (int i = 0; i < p.length(); i += 38) {
                    lines.add(p.substring(i, Math.min(p.length(), i + 38)));
                }
            } else {
                @SuppressWarnings("unchecked")
                List<List<GovDocuments.Cell>> rows = (List<List<GovDocuments.Cell>>) element;
                for (List<GovDocuments.Cell> row : rows) {
                    lines.add(row.stream().map(c -> c.text().isBlank() ? "" : c.text().strip()).filter(t -> !t.isEmpty())
                            .collect(Collectors.joining("  ")));
                }
            }
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font cjk = PDType0Font.load(doc, FONT.toFile());
            PDType1Font latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int perPage = 48;
            for (int start = 0; start < lines.size(); start += perPage) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.newLineAtOffset(40, 750);
                    for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                        // The CJK font is a fallback font without Latin digits or curly quotes: write each run in a font that has it.
                        int i = 0;
                        while (i < line.length()) {
                            boolean inCjk = hasGlyph(cjk, line.charAt(i));
                            int j = i;
                            while (j < line.length() && hasGlyph(cjk, line.charAt(j)) == inCjk) {
                                j++;
                            }
                            cs.setFont(inCjk ? cjk : latin, 9);
                            cs.showText(line.substring(i, j));
                            i = j;
                        }
                        cs.newLineAtOffset(0, -15);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static boolean hasGlyph(PDType0Font font, char c) {
        if (c < 0x80) {
            return false;
        }
        try {
            font.encode(String.valueOf(c));
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fengtai-changxindian-2020", "chaoyang-jinzhan-2021", "miyun-mujiayu-2020"})
    void printedReportParsesToTheSameTablesAsTheText(String name) throws Exception {
        assumeTrue(Files.exists(FONT), "no CJK font at " + FONT + " (apt-get install fonts-droid-fallback) to write a Chinese PDF");
        ReportParser parser = new ReportParser();
        DisclosureReport text = parser.parse(Samples.bytes(name), name + ".txt");
        DisclosureReport fromPdf = parser.parse(pdf(name), name + ".pdf");
        assertEquals(text.getAgency(), fromPdf.getAgency());
        assertEquals(text.getYear(), fromPdf.getYear());
        assertEquals(text.getTemplate(), fromPdf.getTemplate());
        assertEquals(cells(text), cells(fromPdf), "every cell of sections 2, 3 and 4");
    }

    /**
     * The golden lines of sections 2-4. A PDF's text has no trace of a merged parent label
     * (其他对外管理服务事项 spanning 行政检查 and 行政确认), so section-2 row names are compared by their own label.
     */
    private static List<String> cells(DisclosureReport r) {
        return Golden.actual(r).stream().filter(l -> l.startsWith("s"))
                .map(l -> l.startsWith("s2 ") ? ownLabel(l) : l).toList();
    }

    private static String ownLabel(String s2Line) {
        String[] fields = s2Line.split(" \\| ", 3);
        fields[1] = fields[1].substring(fields[1].lastIndexOf('/') + 1);
        return String.join(" | ", fields);
    }

    @org.junit.jupiter.api.Test
    void blankCellsCannotBeSeenInAPrintedTableSoTheRowIsNamedInTheRejection() throws Exception {
        assumeTrue(Files.exists(FONT), "no CJK font at " + FONT + " (apt-get install fonts-droid-fallback) to write a Chinese PDF");
        // daxing-yinghai-2023 leaves （六）其他处理 3.其他 blank: in a PDF's text the row has a label and no numbers.
        ReportRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(ReportRejectedException.class,
                () -> new ReportParser().parse(pdf("daxing-yinghai-2023"), "daxing.pdf"));
        assertEquals(RejectionReason.TABLE_UNREADABLE, e.reason());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("OTHER_3") && e.getMessage().contains("daxing.pdf"), e.getMessage());
    }
}
