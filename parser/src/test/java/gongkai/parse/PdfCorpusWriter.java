package gongkai.parse;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the PDF corpus under {@code src/test/resources/corpus/pdf}: the samples laid out as a government site or Word
 * lays them out ({@link GovDocuments#html}), with variants of what makes published PDFs hard, printed to PDF by
 * LibreOffice. Not a test: the PDFs are committed, so neither CI nor the tests need LibreOffice. Run by hand with
 * LibreOffice installed ({@code apt-get install libreoffice-writer fonts-droid-fallback}):
 * {@code java -cp <test classpath> gongkai.parse.PdfCorpusWriter parser/src/test/resources/corpus/pdf}.
 * Each PDF gets a golden file: the sample's hand-written agency, year and every section-3 and section-4 cell.
 */
public final class PdfCorpusWriter {
    private PdfCorpusWriter() {
    }

    /** A way of laying the sample out: a name suffix, how the HTML is changed, and what is printed on every page. */
    enum Variant {
        /** Columns as wide as their text needs, cells vertically centred (a web page printed to PDF). */
        PLAIN,
        /** Narrow label columns: labels wrap over two or three lines, numbers on the first line (Word's top alignment). */
        NARROW_TOP,
        /** Narrow label columns, numbers on the last line of the label; "三、本年度办理结果" one character per line. */
        NARROW_BOTTOM,
        /** Page numbers "- N -" in the footer, a running header, blank cells written as "—" and a small font. */
        FOOTERS
    }

    static final List<String> FILES = List.of("fengtai-changxindian-2020-plain", "chaoyang-jinzhan-2021-narrow-top",
            "miyun-mujiayu-2020-narrow-bottom", "anfeng-2020-footers", "daxing-yinghai-2023-plain",
            "daxing-yinghai-2023-narrow-top", "chaoyang-jinzhan-2021-footers");

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "parser/src/test/resources/corpus/pdf");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("pdf-corpus");
        for (String file : FILES) {
            Variant v = variantOf(file);
            String sample = file.substring(0, file.length() - suffix(v).length() - 1);
            Path html = work.resolve(file + ".html");
            Files.writeString(html, html(sample, v), StandardCharsets.UTF_8);
            Process p = new ProcessBuilder("soffice", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export", "--outdir",
                    work.toString(), html.toString()).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("soffice failed on " + html);
            }
            byte[] pdf = Files.readAllBytes(work.resolve(file + ".pdf"));
            if (v == Variant.FOOTERS) {
                pdf = withFurniture(pdf);
            }
            Files.write(out.resolve(file + ".pdf"), pdf);
            Files.writeString(out.resolve(file + ".expected"), golden(sample, file, v), StandardCharsets.UTF_8);
        }
    }

    private static Variant variantOf(String file) {
        for (Variant v : Variant.values()) {
            if (file.endsWith("-" + suffix(v))) {
                return v;
            }
        }
        throw new IllegalArgumentException(file);
    }

    static String suffix(Variant v) {
        return v.name().toLowerCase().replace('_', '-');
    }

    private static final Pattern CELL = Pattern.compile("<td([^>]*)><p><span>([^<]*)</span></p></td>");

    static String html(String sample, Variant v) {
        String html = new String(GovDocuments.html(sample, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        // GovDocuments spans "三、本年度办理结果" over one row too few, so the 总计 row would start a column early;
        // the readers of HTML and .docx do not mind, a printed table does.
        html = html.replaceFirst("rowspan=\"(\\d+)\"(><p><span>三、本年度办理结果)", "rowspan=\"" + (Golden.expected(sample)
                .contains("template T2021") ? 22 : 20) + "\"$2");
        if (v == Variant.PLAIN) {
            return html;
        }
        String valign = v == Variant.NARROW_TOP ? "top" : v == Variant.NARROW_BOTTOM ? "bottom" : "middle";
        Matcher m = CELL.matcher(html);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String attributes = m.group(1);
            String text = m.group(2);
            boolean label = Cells.hanCount(text) >= 2;
            String width = "";
            if (v != Variant.FOOTERS && label) {
                boolean vertical = Cells.squash(text).equals("三、本年度办理结果");
                width = " width=\"" + (vertical && v == Variant.NARROW_BOTTOM ? 14 : attributes.contains("colspan=\"3\"") ? 150 : 75) + "\"";
            }
            String shown = v == Variant.FOOTERS && Cells.squash(text.replace("&nbsp;", "")).equals("0") && text.contains("&nbsp;")
                    ? "—" : text;
            m.appendReplacement(b, Matcher.quoteReplacement("<td" + attributes + width + " valign=\"" + valign + "\"><p><span>"
                    + shown + "</span></p></td>"));
        }
        m.appendTail(b);
        String out = b.toString();
        if (v == Variant.FOOTERS) {
            out = out.replace("<style>", "<style>body{font-size:9pt} ");
        }
        return out;
    }

    /** Adds what a printer adds on every page: a running header and the page number "- N -" in the footer. */
    static byte[] withFurniture(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); var out = new java.io.ByteArrayOutputStream()) {
            PDType0Font cjk = PDType0Font.load(doc, PdfLayoutTest.FONT.toFile());
            PDType1Font latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int n = 0;
            for (PDPage page : doc.getPages()) {
                n++;
                float w = page.getMediaBox().getWidth();
                try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs.beginText();
                    cs.setFont(cjk, 9);
                    cs.newLineAtOffset(w / 2 - 60, page.getMediaBox().getHeight() - 30);
                    cs.showText("政府信息公开工作年度报告");
                    cs.endText();
                    cs.beginText();
                    cs.setFont(latin, 10);
                    cs.newLineAtOffset(w / 2 - 10, 28);
                    cs.showText("- " + n + " -");
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    static String golden(String sample, String file, Variant v) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + file + ".pdf: samples/" + sample + ".txt laid out as " + v + " (see PdfCorpusWriter); cells from golden/"
                + sample + ".expected");
        for (String line : Golden.expected(sample)) {
            if (line.startsWith("agency ") || line.startsWith("year ") || line.startsWith("template ") || line.startsWith("s3 ")
                    || line.startsWith("s4 ")) {
                lines.add(line);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
