package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The content-stream scanner is a faster PDFBox parser, not a different one: every stream it reads gives PDFBox's
 * tokens, whatever it does not read is left to PDFBox, and the pages of every PDF of the corpus come out the same.
 */
class PdfContentScannerTest {
    /** Fragments of content streams: the syntax writers produce, and the oddities PDFBox repairs in its own way. */
    private static final List<String> FRAGMENTS = List.of(
            "0", "12", "-3", "+5", "-0", "0.5", "-.25", "+.5", "12.", "3.14159", "595.276", "0.000001", "-0.0", "16777216.5",
            "1234567.891", "123456789012345678901", "--5", "1.2.3", "5e3", "4-2", "-", ".", "+",
            "/F1", "/Span", "/a.b_c", "/", "/Name#20x", "/T#", "/\u00e9",
            "(abc)", "(a(b)c)", "(a\\)b)", "(x\\n\\101\\7\\0777)", "(line\\\ncont)", "(a\\qb)", "(\u00c4\u00ff)", "(un(balanced)",
            "(a)\n/", "(a)b)\r\n/x", "()", "(\\\\)",
            "<0041>", "<41 42\n43>", "<414>", "<4G>", "<>", "<aBcD>", "<41",
            "[", "]", "[(a) -250 (b)]", "[1 [2 3] /N]", "[true false null]", "[1 0 R]", "[Tf]",
            "<<", ">>", "<</MCID 3>>", "<</A [1 2] /B (x) /C <</D true>>>>", "<</A 1 0 R>>", "<<3 4>>", "<</A>>",
            "true", "false", "null", "truex", "nullify",
            "Tf", "TJ", "Tj", "T*", "'", "\"", "BT", "ET", "q", "Q", "cm", "re", "f*", "n", "W*", "BDC", "EMC", "Td", "TD", "Tm",
            "d0", "d1", "BI /W 1 /H 1 /BPC 8 /CS /G ID \u0080 EI", "ID", "Ix", "gs", "Do", "sh", "abcdefghij",
            "% a comment\n", "%\r", ")", ">", "{", "}", "\u0000");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "\n", "\r\n", "\t", "", "\f");

    @Provide
    Arbitrary<String> contents() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("0", "12", "-3", "0.5", "595.276", "/F1", "(abc)", "<0041>", "[(a) -250 (b)]",
                        "<</MCID 3>>", "Tf", "TJ", "Tj", "BT", "ET", "q", "Q", "cm", "re", "BDC", "EMC", "Td", "Tm", "true")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(FRAGMENTS)));
        return token.list().ofMinSize(0).ofMaxSize(40).flatMap(tokens ->
                Arbitraries.of(SEPARATORS).list().ofSize(tokens.size()).map(separators -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < tokens.size(); i++) {
                        b.append(tokens.get(i)).append(separators.get(i));
                    }
                    return b.toString();
                }));
    }

    @Property(tries = 2000)
    void everyStreamTheScannerReadsGivesPdfBoxsTokens(@ForAll("contents") String content) throws IOException {
        // The property could pass by leaving everything to PDFBox: most streams must be read by the scanner.
        Statistics.label("stream").coverage(c -> c.check("read by the scanner").percentage(p -> p >= 30.0));
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        List<String> scanned;
        try {
            scanned = scan(bytes);
        } catch (PdfContentScanner.Unsupported | IOException leftToPdfBox) {
            Statistics.label("stream").collect("left to PDFBox");
            return;
        }
        Statistics.label("stream").collect("read by the scanner");
        assertEquals(pdfbox(bytes), scanned, () -> "content: " + content.replace("\n", "\\n").replace("\r", "\\r"));
    }

    @Test
    void numbersKeepPdfBoxsFloatValuesToTheLastBit() throws IOException {
        StringBuilder content = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            int decimals = random.nextInt(11);
            long mantissa = random.nextInt(1 << 25);
            String digits = String.format("%0" + (decimals + 1) + "d", mantissa);
            content.append(random.nextBoolean() ? "-" : "").append(digits, 0, digits.length() - decimals).append('.')
                    .append(digits.substring(digits.length() - decimals)).append(' ');
        }
        content.append("n");
        byte[] bytes = content.toString().getBytes(StandardCharsets.US_ASCII);
        assertEquals(pdfbox(bytes), scan(bytes));
    }

    @ParameterizedTest
    @MethodSource("gongkai.parse.PdfCorpusTest#files")
    void everyCorpusPdfIsReadByTheScannerWithTheSamePages(String file) throws Exception {
        List<PdfPageReader.Page> scanned = pages(PdfCorpusTest.pdf(file), true);
        assertEquals(pages(PdfCorpusTest.pdf(file), false), scanned);
        assertTrue(scanned.stream().mapToInt(p -> p.glyphs().size()).sum() > 1000, "the pages hold the report's text");
    }

    @Test
    void aPageWithAnInlineImageIsReadByPdfBoxsParser() throws Exception {
        byte[] pdf = textAndInlineImage();
        assertThrows(PdfContentScanner.Unsupported.class, () -> pages(pdf, true));
        ExtractedDocument doc = PdfExtractor.extract(pdf, "inline.pdf");
        assertTrue(doc.text().contains("Annual report of the inline image page"), doc.text());
        assertEquals("Annualreportoftheinlineimagepage2024".length(), pages(pdf, false).get(0).glyphs().size());
    }

    private static List<PdfPageReader.Page> pages(byte[] pdf, boolean scan) throws IOException {
        PdfFonts.install();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PdfFonts.detachPrograms(doc);
            PdfPageReader reader = new PdfPageReader("test.pdf", PdfExtractor.MAX_CHARACTERS, scan);
            reader.getText(doc);
            return reader.pages();
        }
    }

    private static byte[] textAndInlineImage() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDResources resources = new PDResources();
            COSName font = resources.add(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
            page.setResources(resources);
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream content = stream.createOutputStream()) {
                content.write(("BT /" + font.getName() + " 12 Tf 72 700 Td (Annual report of the inline image page 2024) Tj ET\n"
                        + "q 10 0 0 10 72 600 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \u0080 EI Q\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(new PDStream(stream));
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** The operators and operands PDFBox's engine would receive, as PDFStreamEngine collects them from PDFBox's parser. */
    private static List<String> pdfbox(byte[] content) throws IOException {
        List<String> out = new ArrayList<>();
        List<COSBase> operands = new ArrayList<>();
        PDFStreamParser parser = new PDFStreamParser(content);
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op) {
                out.add(op.getName() + " " + canonical(operands));
                operands.clear();
            } else {
                operands.add((COSBase) token);
            }
        }
        return out;
    }

    private static List<String> scan(byte[] content) throws IOException {
        List<String> out = new ArrayList<>();
        new PdfContentScanner(new RandomAccessReadBuffer(content)).run((op, operands) -> out.add(op.getName() + " " + canonical(operands)),
                () -> {
                });
        return out;
    }

    /** Tokens compared by value, floats by their bits, strings by their bytes. */
    private static String canonical(Object o) {
        if (o instanceof List<?> list) {
            return list.stream().map(PdfContentScannerTest::canonical).toList().toString();
        }
        if (o instanceof COSArray a) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                items.add(canonical(a.get(i)));
            }
            return "array" + items;
        }
        if (o instanceof COSDictionary d) {
            StringBuilder b = new StringBuilder("dict{");
            for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                b.append(e.getKey().getName()).append('=').append(canonical(e.getValue())).append(';');
            }
            return b.append('}').toString();
        }
        if (o instanceof COSFloat f) {
            return "float:" + Integer.toHexString(Float.floatToRawIntBits(f.floatValue()));
        }
        if (o instanceof COSInteger i) {
            return "int:" + i.longValue() + (i.isValid() ? "" : "!");
        }
        if (o instanceof COSString s) {
            return "string:" + HexFormat.of().formatHex(s.getBytes());
        }
        if (o instanceof COSName n) {
            return "name:" + n.getName();
        }
        if (o instanceof COSBoolean bool) {
            return "bool:" + bool.getValue();
        }
        if (o == COSNull.NULL) {
            return "null";
        }
        return String.valueOf(o);
    }
}
