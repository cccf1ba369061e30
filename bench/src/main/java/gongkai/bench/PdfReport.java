package gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A generated report printed to PDF as a word processor prints it: A4 pages, a centred title, wrapped paragraphs with
 * a first-line indent, the tables with ruled borders (labels left, possibly wrapped over several lines, one value
 * column per figure, merged header cells spread over the columns they span), and a page number in every footer. The
 * text layer is what the parser reads (the font carries /ToUnicode and /W), and a subset of a real Chinese font is
 * embedded as in a published PDF. Deterministic: the same report gives the same bytes.
 *
 * <p>What it is not: a PDF printed by Word, WPS or LibreOffice from a .docx, whose layouts vary far more (the parser's
 * own corpus under parser/src/test/resources/corpus/pdf has such PDFs). It is one realistic layout rendered per report,
 * so that the bench can inject a defect into every report, PDF included, and still generate a million of them.
 */
final class PdfReport {
    private static final double PAGE_W = 595;
    private static final double PAGE_H = 842;
    private static final double LEFT = 56;
    private static final double RIGHT = PAGE_W - 56;
    private static final double TOP = PAGE_H - 64;
    private static final double BOTTOM = 64;
    private static final double BODY = 10.5;
    private static final double TABLE = 8;

    private final Fonts font;

    PdfReport(PdfFont chinese, PdfFont latin) {
        this.font = new Fonts(chinese, latin);
    }

    /** The renderer of this JVM, its font subset to every character a generated report can contain (made on first use). */
    static PdfReport shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final PdfReport INSTANCE = create();

        private static PdfReport create() {
            java.util.Set<Integer> chars = ReportTemplate.characters();
            PdfFont chinese = PdfFont.chinese(PdfFont.find(), chars, "F1", 3);
            java.util.Set<Integer> rest = new java.util.TreeSet<>(chars);
            rest.removeIf(c -> c <= Character.MAX_VALUE && chinese.has((char) c.intValue()));
            PdfFont latin = PdfFont.latin(rest, "F2", 3 + PdfFont.OBJECTS);
            rest.removeIf(c -> Character.isWhitespace(c) || c <= Character.MAX_VALUE && latin.has((char) c.intValue()));
            if (!rest.isEmpty()) {
                StringBuilder missing = new StringBuilder();
                rest.forEach(missing::appendCodePoint);
                throw new IllegalStateException("neither " + PdfFont.find() + " nor " + PdfFont.LATIN + " has a glyph for " + missing);
            }
            return new PdfReport(chinese, latin);
        }
    }

    /** The Chinese font, and the Latin one for what it lacks (digits, Latin letters, some punctuation). */
    private record Fonts(PdfFont chinese, PdfFont latin) {
        PdfFont of(char c) {
            return chinese.has(c) ? chinese : latin;
        }

        double width(char c, double size) {
            return Character.isWhitespace(c) ? size / 4 : of(c).width(c, size);
        }

        double width(String s, double size) {
            return width(s, 0, s.length(), size);
        }

        double width(String s, int from, int to, double size) {
            double w = 0;
            for (int i = from; i < to; i++) {
                w += width(s.charAt(i), size);
            }
            return w;
        }

        /** Text-showing operators for {@code s}: a TJ per run of one font, whitespace as a gap. */
        void show(StringBuilder out, String s, String size) {
            PdfFont current = null;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    if (current != null) {
                        out.append("> -250 <");
                    }
                    continue;
                }
                PdfFont f = of(c);
                if (f != current) {
                    if (current != null) {
                        out.append(">] TJ ");
                    }
                    out.append('/').append(f.resource()).append(' ').append(size).append(" Tf [<");
                    current = f;
                }
                f.appendCode(out, c);
            }
            if (current != null) {
                out.append(">] TJ");
            }
        }
    }

    byte[] render(String text) {
        ReportBlocks report = ReportBlocks.of(text);
        Pages pages = new Pages();
        // Title, centred, 16 pt.
        for (String line : wrap(report.title(), 16, RIGHT - LEFT, 0)) {
            pages.need(26);
            pages.text(LEFT + (RIGHT - LEFT - font.width(line, 16)) / 2, pages.y - 16, 16, line);
            pages.y -= 26;
        }
        pages.y -= 8;
        for (Object block : report.blocks()) {
            if (block instanceof ReportBlocks.Table t) {
                table(pages, t);
            } else {
                paragraph(pages, (String) block);
            }
        }
        return pages.finish();
    }

    private void paragraph(Pages pages, String text) {
        double lineH = BODY * 1.6;
        boolean first = true;
        for (String line : wrap(text, BODY, RIGHT - LEFT, 2 * BODY)) {
            pages.need(lineH);
            pages.text(LEFT + (first ? 2 * BODY : 0), pages.y - BODY, BODY, line);
            pages.y -= lineH;
            first = false;
        }
    }

    /** Lines of at most {@code width} points, the first indented; never breaks inside a run of ASCII letters or digits. */
    private List<String> wrap(String text, double size, double width, double indent) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        double x = indent;
        int lastBreak = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i > start && !(ascii(c) && ascii(text.charAt(i - 1)))) {
                lastBreak = i;
            }
            x += font.width(c, size);
            if (x > width && i > start) {
                int cut = lastBreak > start ? lastBreak : i;
                lines.add(text.substring(start, cut));
                start = cut;
                x = font.width(text, start, i + 1, size);
                lastBreak = -1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static boolean ascii(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean number(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        // 0, 17, 285.2050, and the signed changes of the 2019 template's section 2 (+23, -1)
        int digits = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (!(c == '.' && i > 0 || (c == '+' || c == '-') && i == 0)) {
                return false;
            }
        }
        return digits > 0;
    }

    private static int trailingNumbers(List<String> row) {
        int k = 0;
        while (k < row.size() && number(row.get(row.size() - 1 - k))) {
            k++;
        }
        return k;
    }

    /**
     * The grid: as many value columns as the widest row of figures, as many label columns as the most labels a row of
     * figures has before its figures. A row's last label spans to the figures (a merged cell); fewer cells than columns
     * are spread over them (merged header cells).
     */
    private void table(Pages pages, ReportBlocks.Table t) {
        int values = 0;
        int labels = 0;
        for (List<String> row : t.rows()) {
            int k = trailingNumbers(row);
            if (k > 0) {
                values = Math.max(values, k);
                labels = Math.max(labels, row.size() - k);
            }
        }
        if (values == 0) {
            values = t.rows().stream().mapToInt(List::size).max().orElse(1);
        }
        double valueW = Math.min(44, (RIGHT - LEFT) / (values + (labels > 0 ? 2.5 : 0)));
        double valueX = RIGHT - values * valueW;
        double[] labelX = new double[labels + 1];
        double[] shares = switch (labels) {
            case 0 -> new double[] {};
            case 1 -> new double[] {1};
            case 2 -> new double[] {0.35, 0.65};
            default -> new double[] {0.22, 0.3, 0.48};
        };
        labelX[0] = LEFT;
        for (int i = 0; i < labels; i++) {
            labelX[i + 1] = labelX[i] + (valueX - LEFT) * (i < shares.length ? shares[i] : 0);
        }
        double lineH = TABLE * 1.4;
        double pad = 3;
        pages.y -= 4;
        for (List<String> row : t.rows()) {
            List<double[]> spans = new ArrayList<>(); // x0, x1 per cell
            int k = trailingNumbers(row);
            int cells = row.size();
            int labelCells = k > 0 ? cells - k : labels == 0 ? 0 : cells > values ? cells - values : Math.min(1, cells);
            int valueCells = cells - labelCells;
            if (cells == 1 && k == 0) {
                spans.add(new double[] {LEFT, RIGHT});
            } else {
                for (int i = 0; i < labelCells; i++) {
                    int col = Math.min(i, labels - 1);
                    spans.add(new double[] {labelX[col], i == labelCells - 1 ? valueX : labelX[col + 1]});
                }
                double per = values / (double) Math.max(1, valueCells);
                for (int i = 0; i < valueCells; i++) {
                    double x0 = valueX + Math.round(i * per) * valueW;
                    double x1 = valueX + Math.round((i + 1) * per) * valueW;
                    spans.add(new double[] {x0, Math.max(x1, x0 + valueW)});
                }
            }
            List<List<String>> lines = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < cells; i++) {
                List<String> l = row.get(i).isEmpty() ? List.of() : wrap(row.get(i), TABLE, spans.get(i)[1] - spans.get(i)[0] - 2 * pad, 0);
                lines.add(l);
                height = Math.max(height, l.size());
            }
            double rowH = height * lineH + 2 * pad;
            pages.need(rowH);
            double top = pages.y;
            pages.hline(LEFT, RIGHT, top);
            for (int i = 0; i < cells; i++) {
                double[] s = spans.get(i);
                double y = top - pad - TABLE;
                for (String l : lines.get(i)) {
                    double w = font.width(l, TABLE);
                    boolean centred = i >= labelCells || number(l);
                    double x = centred ? (s[0] + s[1] - w) / 2 : s[0] + pad;
                    pages.text(x, y, TABLE, l);
                    y -= lineH;
                }
                pages.vline(s[0], top, top - rowH);
            }
            pages.vline(RIGHT, top, top - rowH);
            pages.y = top - rowH;
            pages.hline(LEFT, RIGHT, pages.y);
        }
        pages.y -= 10;
    }

    /** The content streams of the pages being laid out, top to bottom. */
    private final class Pages {
        private final List<StringBuilder> done = new ArrayList<>();
        private StringBuilder page = new StringBuilder(16 * 1024);
        double y = TOP;

        void need(double height) {
            if (y - height < BOTTOM) {
                next();
            }
        }

        private void next() {
            footer();
            done.add(page);
            page = new StringBuilder(16 * 1024);
            y = TOP;
        }

        private void footer() {
            String n = "- " + (done.size() + 1) + " -";
            text((PAGE_W - font.width(n, 9)) / 2, 36, 9, n);
        }

        void text(double x, double baseline, double size, String s) {
            page.append("BT ").append(fmt(x)).append(' ').append(fmt(baseline)).append(" Td ");
            font.show(page, s, fmt(size));
            page.append(" ET\n");
        }

        void hline(double x0, double x1, double at) {
            page.append("0.5 w ").append(fmt(x0)).append(' ').append(fmt(at)).append(" m ").append(fmt(x1)).append(' ').append(fmt(at))
                    .append(" l S\n");
        }

        void vline(double x, double y0, double y1) {
            page.append("0.5 w ").append(fmt(x)).append(' ').append(fmt(y0)).append(" m ").append(fmt(x)).append(' ').append(fmt(y1))
                    .append(" l S\n");
        }

        byte[] finish() {
            footer();
            done.add(page);
            PdfWriter pdf = new PdfWriter();
            int firstPage = 3 + 2 * PdfFont.OBJECTS;
            pdf.object(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
            StringBuilder kids = new StringBuilder();
            for (int i = 0; i < done.size(); i++) {
                kids.append(firstPage + 2 * i).append(" 0 R ");
            }
            pdf.object(ascii("<< /Type /Pages /Kids [" + kids + "] /Count " + done.size() + " >>"));
            for (PdfFont f : List.of(font.chinese(), font.latin())) {
                for (byte[] o : f.objects()) {
                    pdf.object(o);
                }
            }
            for (int i = 0; i < done.size(); i++) {
                pdf.object(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + fmt(PAGE_W) + " " + fmt(PAGE_H)
                        + "] /Resources << /Font << /F1 " + font.chinese().firstObject() + " 0 R /F2 " + font.latin().firstObject()
                        + " 0 R >> >> /Contents " + (firstPage + 2 * i + 1) + " 0 R >>"));
                pdf.object(PdfWriter.stream(done.get(i).toString().getBytes(StandardCharsets.US_ASCII), ""));
            }
            return pdf.finish(1);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String fmt(double v) {
        long r = Math.round(v * 100);
        return r % 100 == 0 ? Long.toString(r / 100) : String.format(Locale.ROOT, "%.2f", v);
    }
}
