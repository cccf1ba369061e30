package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and pathological PDFs, generated here rather than committed: a compression bomb, 300 pages of text, more
 * pages than a report has, a scan without text. Each is rejected with its reason, quickly, without exhausting memory.
 */
class PdfBoundsTest {
    /** One page whose content stream is {@code inflated} bytes of spaces, deflated to about a thousandth of that. */
    static byte[] compressionBomb(long inflated) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream raw = stream.createRawOutputStream();
                    DeflaterOutputStream deflate = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
                byte[] spaces = new byte[1 << 20];
                java.util.Arrays.fill(spaces, (byte) ' ');
                for (long written = 0; written < inflated; written += spaces.length) {
                    deflate.write(spaces);
                }
            }
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            page.setContents(new PDStream(stream));
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** {@code pages} pages of Latin text, {@code linesPerPage} lines each. */
    static byte[] textPages(int pages, int linesPerPage) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                if (linesPerPage == 0) {
                    continue;
                }
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(60, 740);
                    for (int l = 0; l < linesPerPage; l++) {
                        cs.showText("Page " + (p + 1) + " line " + l + ": 12 345 6789 the quick brown fox jumps over the lazy dog");
                        cs.newLineAtOffset(0, -14);
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCompressionBombIsRejectedBeforeItIsInflated() throws Exception {
        byte[] bomb = compressionBomb(256L << 20);
        assertTrue(bomb.length < 1 << 20, "the bomb is small: " + bomb.length + " bytes");
        long start = System.nanoTime();
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> new ReportParser().parse(bomb, "bomb.pdf"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(RejectionReason.TOO_COMPLEX, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("bomb.pdf") && e.getMessage().contains("expands beyond"), e.getMessage());
        assertTrue(millis < 5_000, "rejected in " + millis + " ms");
    }

    @Test
    void aCompressionBombIsRejectedInAModestHeap(@TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("bomb.pdf");
        Files.write(bomb, compressionBomb(256L << 20));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"), ParseOne.class.getName(),
                bomb.toString()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM finished");
        String printed = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        assertTrue(printed.contains("REJECTED TOO_COMPLEX"), printed);
    }

    /** Parses one file in a JVM of its own and prints the outcome: the heap-bounded check above. */
    public static final class ParseOne {
        public static void main(String[] args) throws IOException {
            try {
                new ReportParser().parse(Files.readAllBytes(Path.of(args[0])), new File(args[0]).getName());
                System.out.println("PARSED");
            } catch (ReportRejectedException e) {
                System.out.println("REJECTED " + e.reason() + " " + e.getMessage());
            }
        }
    }

    @Test
    void threeHundredPagesOfTextAreReadWithinTheBudgetOrStoppedAtAPage() throws Exception {
        byte[] pdf = textPages(300, 50);
        long start = System.nanoTime();
        try (AutoCloseable budget = ParseBudget.start(2_000, "long.pdf")) {
            ExtractedDocument doc = PdfExtractor.extract(pdf, "long.pdf");
            assertTrue(doc.blocks().size() > 300, "read " + doc.blocks().size() + " blocks");
        } catch (ReportRejectedException e) {
            assertEquals(RejectionReason.TOO_COMPLEX, e.reason());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 6_000, "300 pages took " + millis + " ms");
    }

    @Test
    void aSpentBudgetStopsTheReadingAtThePageItHasReached() throws Exception {
        byte[] pdf = textPages(40, 20);
        ReportRejectedException e;
        try (AutoCloseable budget = ParseBudget.start(0, "slow.pdf")) {
            e = assertThrows(ReportRejectedException.class, () -> PdfExtractor.extract(pdf, "slow.pdf"));
        }
        assertEquals(RejectionReason.TOO_COMPLEX, e.reason());
        assertTrue(e.getMessage().contains("slow.pdf") && e.getMessage().contains("page 1"), e.getMessage());
    }

    @Test
    void aTableOfMoreRowsThanAReportHasIsTooComplex() {
        List<PdfLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i <= PdfTableReader.MAX_ROWS; i++) {
            double y = 20.0 * i;
            lines.add(new PdfLine(List.of(new PdfWord("第" + i + "行", 60, 100, y, 10, 1, false), new PdfWord("1", 300, 306, y, 10, 1, false),
                    new PdfWord("2", 340, 346, y, 10, 1, false)), y, 10, 1));
        }
        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> PdfTableReader.read(lines, List.of(), true, "rows.pdf", 3));
        assertEquals(RejectionReason.TOO_COMPLEX, e.reason());
        assertTrue(e.getMessage().contains("rows.pdf") && e.getMessage().contains("1001 rows"), e.getMessage());
    }

    @Test
    void morePagesThanAReportHasAreTooComplex() throws Exception {
        byte[] pdf = textPages(PdfExtractor.MAX_PAGES + 1, 0);
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> new ReportParser().parse(pdf, "pages.pdf"));
        assertEquals(RejectionReason.TOO_COMPLEX, e.reason());
        assertTrue(e.getMessage().contains("301 pages"), e.getMessage());
    }

    @Test
    void aScanWithoutTextIsRejectedAsSuchNotAsNotAReport() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < 3; i++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                // What a scanner leaves: marks on the page, no characters.
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.addRect(50, 50, 500, 700);
                    cs.fill();
                }
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] scan = pdf;
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> new ReportParser().parse(scan, "scan.pdf"));
        assertEquals(RejectionReason.NO_TEXT_LAYER, e.reason());
        assertTrue(e.getMessage().contains("3 page(s)") && e.getMessage().contains("OCR"), e.getMessage());
    }

    @Test
    void garbageAfterThePdfMagicIsUnreadableNotACrash() {
        byte[] broken = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> new ReportParser().parse(broken, "broken.pdf"));
        assertTrue(List.of(RejectionReason.UNREADABLE_DOCUMENT, RejectionReason.EMPTY, RejectionReason.NO_TEXT_LAYER).contains(e.reason()),
                e.reason() + " " + e.getMessage());
    }
}
