package gongkai.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorProcessor;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;

/**
 * Collects, page by page, every printed character with its position and the horizontal lines the page draws (table
 * borders), in one pass over the content stream. PDFBox's own line building and sorting are skipped: the layout is
 * rebuilt from positions by {@link PdfLayout}.
 *
 * <p>With {@code scan}, each page's content stream is tokenized by {@link PdfContentScanner} instead of PDFBox's
 * parser, and its operators are processed by PDFBox's engine as before (the same text positions). PDFBox parses a
 * page's content only inside its private page loop, so the page is handed to the engine with a one-operator content
 * stream ({@link #SCAN}) whose processor runs the scanner over the real content, inside the page's graphics state.
 * Content the scanner does not read throws {@link PdfContentScanner.Unsupported}; the caller reads the document again
 * without {@code scan}.
 */
final class PdfPageReader extends PDFTextStripper {
    /** Thrown out of PDFBox's page loop when a bound is hit; carries the rejection through PDFBox's IOException signatures. */
    static final class Stop extends RuntimeException {
        final transient ReportRejectedException rejection;

        Stop(ReportRejectedException rejection) {
            super(rejection.getMessage(), null, false, false);
            this.rejection = rejection;
        }
    }

    /** What one page holds. */
    record Page(int number, double width, double height, List<PdfGlyph> glyphs, List<PdfRule> rules, List<PdfVRule> verticals) {
    }

    /** The operator of the stand-in content stream; a name no PDF operator has. */
    private static final String SCAN = "GongkaiScan";
    private static final byte[] SCAN_CONTENT = (" " + SCAN + " ").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String source;
    private final int maxCharacters;
    private final boolean scan;
    /** The page whose content the next {@link #SCAN} operator reads; taken once, so a PDF that writes the name itself gets nothing. */
    private PDPage toScan;
    private final List<Page> pages = new ArrayList<>();
    private List<PdfGlyph> glyphs;
    private List<PdfRule> rules;
    private List<PdfVRule> verticals;
    private PDRectangle box;
    private boolean rotated;
    private int characters;
    private boolean space;
    /** Path operators on this page: a page of nested forms can draw without end, the budget is checked as it goes. */
    private int operators;
    private final List<double[]> path = new ArrayList<>();
    private double[] current;

    PdfPageReader(String source, int maxCharacters, boolean scan) {
        this.source = source;
        this.maxCharacters = maxCharacters;
        this.scan = scan;
        addOperator(new ScanOp());
        // Table borders: Word, WPS and LibreOffice draw them as stroked lines or thin filled rectangles.
        addOperator(new PathOp("re"));
        addOperator(new PathOp("m"));
        addOperator(new PathOp("l"));
        for (String paint : new String[] {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}) {
            addOperator(new PathOp(paint));
        }
        addOperator(new PathOp("n"));
    }

    List<Page> pages() {
        return pages;
    }

    private static void checkpoint(String where) {
        try {
            ParseBudget.checkpoint(where);
        } catch (ReportRejectedException e) {
            throw new Stop(e);
        }
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        if (!scan) {
            super.processPage(page);
            return;
        }
        toScan = page;
        try {
            super.processPage(new ScannedPage(page));
        } finally {
            toScan = null;
        }
    }

    /** The page as the engine sees it: its own dictionary and resources, the stand-in content stream. */
    private static final class ScannedPage extends PDPage {
        private final PDPage page;

        ScannedPage(PDPage page) {
            super(page.getCOSObject());
            this.page = page;
        }

        @Override
        public PDResources getResources() {
            return page.getResources(); // the document's resource cache comes with them
        }

        @Override
        public RandomAccessRead getContentsForStreamParsing() {
            return new RandomAccessReadBuffer(SCAN_CONTENT);
        }
    }

    /** Runs the scanner over the page's real content; its operators go through the engine's own dispatch. */
    private final class ScanOp extends OperatorProcessor {
        ScanOp() {
            super(PdfPageReader.this);
        }

        @Override
        public String getName() {
            return SCAN;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            PDPage page = toScan;
            toScan = null;
            if (page == null) {
                return;
            }
            try (RandomAccessRead content = page.getContentsForStreamParsing()) {
                new PdfContentScanner(content).run(PdfPageReader.this::processOperator, () -> checkpoint("page " + getCurrentPageNo()));
            } catch (IOException e) {
                // PDFBox decides what an unreadable stream or a failing operator means: the caller reads again without the scanner.
                throw new PdfContentScanner.Unsupported("content stream: " + e.getMessage());
            }
        }
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        int number = getCurrentPageNo();
        checkpoint("page " + number);
        operators = 0;
        box = page.getCropBox();
        // Borders of a rotated page would need the rotation applied; the text alone is read there.
        rotated = page.getRotation() % 360 != 0;
        glyphs = new ArrayList<>();
        rules = new ArrayList<>();
        verticals = new ArrayList<>();
        path.clear();
        pages.add(new Page(number, box.getWidth(), box.getHeight(), glyphs, rules, verticals));
    }

    @Override
    protected void processTextPosition(TextPosition t) {
        String s = t.getUnicode();
        if (s == null || s.isEmpty() || Cells.trim(s).isEmpty()) {
            space = s != null && !s.isEmpty();
            return;
        }
        double x = t.getXDirAdj();
        double w = Math.max(t.getWidthDirAdj(), 0.1);
        double y = t.getYDirAdj();
        double size = t.getFontSizeInPt() > 0.5 ? t.getFontSizeInPt() : Math.max(t.getHeightDir() * 1.6, 1);
        // Fake bold is the same glyph printed twice a fraction of a point apart: keep one.
        int n = glyphs.size();
        for (int i = n - 1; i >= Math.max(0, n - 3); i--) {
            PdfGlyph g = glyphs.get(i);
            if (g.text().equals(s) && Math.abs(g.x1() - x) < w * 0.3 && Math.abs(g.y() - y) < size * 0.3) {
                return;
            }
        }
        if (++characters % 4096 == 0) {
            checkpoint("page " + getCurrentPageNo());
        }
        if (characters > maxCharacters) {
            throw new Stop(new ReportRejectedException(RejectionReason.TOO_COMPLEX, source,
                    "PDF has more than " + maxCharacters + " characters of text, more than a report can have (stopped at page "
                            + getCurrentPageNo() + ")"));
        }
        glyphs.add(new PdfGlyph(s, x, x + w, y, size, space));
        space = false;
    }

    @Override
    protected void writePage() {
        // Nothing: processTextPosition keeps the positions, and the text is built from them.
    }

    /** Keeps horizontal segments of painted paths; everything else about graphics is irrelevant to reading text. */
    private final class PathOp extends OperatorProcessor {
        private final String name;

        PathOp(String name) {
            super(PdfPageReader.this);
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void process(Operator operator, List<COSBase> operands) {
            if (rules == null || rotated) {
                return;
            }
            if (++operators % 16_384 == 0) {
                checkpoint("page " + getCurrentPageNo());
            }
            switch (name) {
                case "re" -> {
                    if (numbers(operands, 4)) {
                        double x = num(operands, 0);
                        double y = num(operands, 1);
                        double w = num(operands, 2);
                        double h = num(operands, 3);
                        path.add(segment(x, y, x + w, y));
                        path.add(segment(x, y + h, x + w, y + h));
                        path.add(segment(x, y, x, y + h));
                        path.add(segment(x + w, y, x + w, y + h));
                        current = null;
                    }
                }
                case "m" -> {
                    if (numbers(operands, 2)) {
                        current = point(num(operands, 0), num(operands, 1));
                    }
                }
                case "l" -> {
                    if (numbers(operands, 2) && current != null) {
                        double[] to = point(num(operands, 0), num(operands, 1));
                        path.add(new double[] {current[0], current[1], to[0], to[1]});
                        current = to;
                    }
                }
                case "n" -> {
                    path.clear();
                    current = null;
                }
                default -> {
                    for (double[] s : path) {
                        if (Math.abs(s[1] - s[3]) < 1.0 && Math.abs(s[2] - s[0]) > 2.0 && rules.size() < 20_000) {
                            rules.add(new PdfRule(Math.min(s[0], s[2]), Math.max(s[0], s[2]), (s[1] + s[3]) / 2));
                        } else if (Math.abs(s[0] - s[2]) < 1.0 && Math.abs(s[3] - s[1]) > 2.0 && verticals.size() < 20_000) {
                            verticals.add(new PdfVRule((s[0] + s[2]) / 2, Math.min(s[1], s[3]), Math.max(s[1], s[3])));
                        }
                    }
                    path.clear();
                    current = null;
                }
            }
        }

        private double[] segment(double x1, double y1, double x2, double y2) {
            double[] a = point(x1, y1);
            double[] b = point(x2, y2);
            return new double[] {a[0], a[1], b[0], b[1]};
        }

        /** User space to the top-left page coordinates the glyphs use (crop box origin, y downwards). */
        private double[] point(double x, double y) {
            Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
            double ux = ctm.getScaleX() * x + ctm.getShearX() * y + ctm.getTranslateX();
            double uy = ctm.getShearY() * x + ctm.getScaleY() * y + ctm.getTranslateY();
            return new double[] {ux - box.getLowerLeftX(), box.getUpperRightY() - uy};
        }

        private boolean numbers(List<COSBase> operands, int n) {
            if (operands.size() < n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!(operands.get(i) instanceof COSNumber)) {
                    return false;
                }
            }
            return true;
        }

        private double num(List<COSBase> operands, int i) {
            return ((COSNumber) operands.get(i)).floatValue();
        }
    }
}
