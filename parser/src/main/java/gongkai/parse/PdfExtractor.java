package gongkai.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads a PDF by the positions of its characters, not by PDFBox's text order: the pages become visual lines
 * ({@link PdfLayout}, page numbers and running headers dropped, pages stacked so a table continues across a break),
 * the lines of sections 2-4 become tables read by position ({@link PdfTableReader}: blank cells stay in their column,
 * wrapped labels stay with their row), and the other lines become paragraphs, a wrapped paragraph joined into one.
 *
 * <p>Bounds, because the bytes are untrusted: PDFBox's buffers are capped ({@link MemoryUsageSetting}), compressed
 * streams are measured before they are decoded ({@link PdfStreamGuard}), pages and characters are counted, and the
 * document's time budget ({@link ParseBudget}) is checked on every page. A PDF without a text layer (a scan) is
 * rejected as such.
 */
final class PdfExtractor {
    private PdfExtractor() {
    }

    static final int MAX_PAGES = 300;
    static final int MAX_CHARACTERS = 600_000;
    private static final long MAX_MAIN_MEMORY = 32L << 20;
    private static final long MAX_SCRATCH = 128L << 20;
    /** Fewer printed characters than this per page on average: the pages are images. */
    private static final int MIN_CHARACTERS_PER_PAGE = 30;

    /**
     * The PDF read two ways from one load: by position (tables with their columns), and line by line as the text
     * layer gives it (a row per line), which the table reader can read on its own when a layout defeats the positions.
     */
    record Read(ExtractedDocument byPosition, ExtractedDocument byLine) {
    }

    static ExtractedDocument extract(byte[] content, String source) throws IOException, ReportRejectedException {
        return read(content, source).byPosition();
    }

    static Read read(byte[] content, String source) throws IOException, ReportRejectedException {
        PdfFonts.install();
        PdfLayout.Flow flow;
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(content), "",
                MemoryUsageSetting.setupMixed(MAX_MAIN_MEMORY, MAX_SCRATCH).streamCache)) {
            int pages = pdf.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw new ReportRejectedException(RejectionReason.TOO_COMPLEX, source,
                        "PDF has " + pages + " pages, more than the " + MAX_PAGES + " a report can have");
            }
            PdfStreamGuard.check(pdf, PdfFonts.detachPrograms(pdf), source);
            pdf.setResourceCache(new PdfResourceCache());
            PdfPageReader reader;
            try {
                reader = pages(pdf, source, true);
            } catch (PdfContentScanner.Unsupported unsupported) {
                // Syntax only PDFBox's lenient parser reads: the whole document again with it.
                reader = pages(pdf, source, false);
            }
            flow = PdfLayout.flow(reader.pages());
            if (pages > 0 && flow.characters() < MIN_CHARACTERS_PER_PAGE * pages) {
                throw new ReportRejectedException(RejectionReason.NO_TEXT_LAYER, source,
                        "PDF has " + pages + " page(s) but only " + flow.characters()
                                + " characters of text: a scan without a text layer, which cannot be read without OCR");
            }
        } catch (InvalidPasswordException e) {
            throw new ReportRejectedException(RejectionReason.UNREADABLE_DOCUMENT, source,
                    "PDF is password-protected; a published report must open without a password");
        }
        return new Read(build(flow, source), byLine(flow));
    }

    private static PdfPageReader pages(PDDocument pdf, String source, boolean scan) throws IOException, ReportRejectedException {
        PdfPageReader reader = new PdfPageReader(source, MAX_CHARACTERS, scan);
        try {
            reader.getText(pdf);
        } catch (PdfPageReader.Stop stop) {
            throw stop.rejection;
        }
        return reader;
    }

    /** Every line a paragraph, in reading order, page furniture dropped. */
    static ExtractedDocument byLine(PdfLayout.Flow flow) {
        DocumentBuilder out = new DocumentBuilder(DocumentType.PDF);
        for (PdfLine line : flow.lines()) {
            out.paragraph(line.text());
        }
        return out.build();
    }

    /** Paragraphs outside sections 2-4, a table for each of them. */
    static ExtractedDocument build(PdfLayout.Flow flow, String source) throws ReportRejectedException {
        DocumentBuilder out = new DocumentBuilder(DocumentType.PDF);
        Margins margins = Margins.of(flow.lines());
        List<PdfLine> zone = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        PdfLine previous = null;
        int section = 0;
        for (PdfLine line : flow.lines()) {
            String text = line.text();
            int heading = SectionSplitter.sectionOf(text);
            if (heading > 0) {
                flush(out, paragraph);
                table(out, zone, section, flow, margins, source);
                out.paragraph(text);
                section = heading;
                previous = null;
                continue;
            }
            if (section >= 2 && section <= 4) {
                zone.add(line);
                continue;
            }
            if (previous == null || !margins.continues(previous, line)) {
                flush(out, paragraph);
            } else if (endsLatin(paragraph) && startsLatin(text)) {
                paragraph.append(' ');
            }
            paragraph.append(text);
            previous = line;
        }
        flush(out, paragraph);
        table(out, zone, section, flow, margins, source);
        return out.build();
    }

    private static void flush(DocumentBuilder out, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            out.paragraph(paragraph.toString());
            paragraph.setLength(0);
        }
    }

    /** A table section: prose lines before and after the table stay paragraphs, the rest is read as a table. */
    private static void table(DocumentBuilder out, List<PdfLine> zone, int section, PdfLayout.Flow flow, Margins margins, String source)
            throws ReportRejectedException {
        if (zone.isEmpty()) {
            return;
        }
        int from = 0;
        while (from < zone.size() && margins.isProse(zone.get(from))) {
            from++;
        }
        int to = zone.size();
        while (to > from && margins.isProse(zone.get(to - 1))) {
            to--;
        }
        emitProse(out, zone.subList(0, from), margins);
        if (to > from) {
            // Section 2 is a run of small tables whose item and header lines its reader reads as printed.
            out.table(PdfTableReader.read(zone.subList(from, to), flow.rules(), section != 2, source, section));
        }
        emitProse(out, zone.subList(to, zone.size()), margins);
        zone.clear();
    }

    private static void emitProse(DocumentBuilder out, List<PdfLine> lines, Margins margins) {
        StringBuilder paragraph = new StringBuilder();
        PdfLine previous = null;
        for (PdfLine l : lines) {
            if (previous == null || !margins.continues(previous, l)) {
                flush(out, paragraph);
            }
            paragraph.append(l.text());
            previous = l;
        }
        flush(out, paragraph);
    }

    private static boolean endsLatin(StringBuilder b) {
        return !b.isEmpty() && b.charAt(b.length() - 1) < 0x80 && Character.isLetter(b.charAt(b.length() - 1));
    }

    private static boolean startsLatin(String s) {
        return !s.isEmpty() && s.charAt(0) < 0x80 && Character.isLetter(s.charAt(0));
    }

    /**
     * The text block of the document: where prose lines start and end, and the body font size. A line that reaches
     * the right edge is continued by the next line when that one starts at the left edge (not indented).
     */
    private record Margins(double left, double right, double bodySize) {
        /** A line opening with an item number ("2.", "（三）", "四、") opens a paragraph even where it is not indented. */
        private static final Pattern NUMBERED = Pattern.compile("^\\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]{1,2}[）)]|\\d{1,2}[.．、](?!\\d))");

        static Margins of(List<PdfLine> lines) {
            if (lines.isEmpty()) {
                return new Margins(0, 0, 0);
            }
            double[] x1 = lines.stream().mapToDouble(PdfLine::x1).sorted().toArray();
            double[] x2 = lines.stream().mapToDouble(PdfLine::x2).sorted().toArray();
            double[] sizes = lines.stream().mapToDouble(PdfLine::size).sorted().toArray();
            return new Margins(x1[(int) (x1.length * 0.05)], x2[Math.min(x2.length - 1, (int) (x2.length * 0.95))],
                    sizes[sizes.length / 2]);
        }

        boolean continues(PdfLine previous, PdfLine line) {
            double em = Math.max(previous.size(), line.size());
            return previous.x2() >= right - em * 1.5 && line.x1() <= left + em * 0.5 && !NUMBERED.matcher(line.text()).find()
                    && Math.abs(previous.size() - line.size()) < em * 0.2 && line.y() - previous.y() < em * 3;
        }

        /** A line of running text: one stretch of words over most of the text width, in the body size. */
        boolean isProse(PdfLine l) {
            return l.words().size() == 1 && l.x2() - l.x1() >= (right - left) * 0.6 && l.size() >= bodySize * 0.9;
        }
    }
}
