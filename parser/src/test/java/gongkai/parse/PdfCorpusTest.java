package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Published-looking PDFs read cell by cell: a real city report ({@code huaian-city-2024.pdf}, every cell read by hand
 * into its {@code .expected.json}) and the samples printed by LibreOffice in several layouts ({@link PdfCorpusWriter}).
 * The tables the extractor builds are checked directly (every section-3 row has its seven values in their columns,
 * blanks included; the section-4 numbers in template order), and the whole parse against the golden facts
 * ({@link RealReportsTest} checks the real report's parse in detail).
 */
class PdfCorpusTest {
    static final String REAL = "huaian-city-2024";
    private static final Pattern VALUE = Pattern.compile("^(?:\\d+|—|－|-|/|无|)$");
    private static final Pattern ZERO_MARK = Pattern.compile("^(?:—|－|-|/|无)$");

    static Stream<String> files() {
        return Stream.concat(Stream.of(REAL), PdfCorpusWriter.FILES.stream());
    }

    static byte[] pdf(String file) {
        return Samples.resource((file.equals(REAL) ? "/real/" : "/corpus/pdf/") + file + ".pdf");
    }

    /** The golden lines of a corpus file: agency, year, then "s3 CODE v1 .. v7" and "s4 GROUP upheld corrected other pending total". */
    static List<String> expected(String file) throws Exception {
        if (!file.equals(REAL)) {
            String text = new String(Samples.resource("/corpus/pdf/" + file + ".expected"), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("template ")).toList();
        }
        JsonNode json = new ObjectMapper().readTree(Samples.resource("/real/" + REAL + ".expected.json"));
        List<String> lines = new ArrayList<>(List.of("agency " + json.get("agency").asText(), "year " + json.get("year").asInt()));
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("section3").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> row = it.next();
            StringBuilder b = new StringBuilder("s3 " + row.getKey());
            row.getValue().forEach(v -> b.append(' ').append(v.asText()));
            lines.add(b.toString());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("section4").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> g = it.next();
            JsonNode v = g.getValue();
            lines.add("s4 " + g.getKey() + " " + v.get("upheld").asText() + " " + v.get("corrected").asText() + " " + v.get("other").asText()
                    + " " + v.get("pending").asText() + " " + v.get("total").asText());
        }
        return lines;
    }

    @ParameterizedTest
    @MethodSource("files")
    void everySection3RowHasItsSevenValuesInTheirColumns(String file) throws Exception {
        ExtractedDocument doc = PdfExtractor.extract(pdf(file), file + ".pdf");
        List<List<String>> expected = expected(file).stream().filter(l -> l.startsWith("s3 "))
                .map(l -> List.of(l.split(" ")).subList(2, 9).stream().map(v -> v.equals("_") ? "" : v).toList()).toList();
        assertEquals(expected, valueRows(table(doc, 3), 7));
    }

    @ParameterizedTest
    @MethodSource("files")
    void section4NumbersComeInTemplateOrder(String file) throws Exception {
        ExtractedDocument doc = PdfExtractor.extract(pdf(file), file + ".pdf");
        List<String> expected = new ArrayList<>();
        expected(file).stream().filter(l -> l.startsWith("s4 ")).forEach(l -> expected.addAll(List.of(l.split(" ")).subList(2, 7)));
        assertEquals(List.of(expected), valueRows(table(doc, 4), 15));
    }

    @ParameterizedTest
    @MethodSource("files")
    void theWholeParseMatchesTheGoldenFacts(String file) throws Exception {
        var report = new ReportParser().parse(pdf(file), file + ".pdf");
        List<String> actual = Golden.actual(report).stream()
                .filter(l -> l.startsWith("agency ") || l.startsWith("year ") || l.startsWith("s3 ") || l.startsWith("s4 ")).toList();
        assertEquals(String.join("\n", expected(file)), String.join("\n", actual));
    }

    @ParameterizedTest
    @MethodSource("files")
    void section2DashesAreZerosNotBadNumbers(String file) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(file.endsWith("-footers"), "only the -footers files write dashes");
        var report = new ReportParser().parse(pdf(file), file + ".pdf");
        var dashed = report.getActiveDisclosure().stream().flatMap(r -> r.getCells().stream())
                .filter(c -> Cells.isZeroNotation(Cells.squash(c.getRaw()))).toList();
        org.junit.jupiter.api.Assertions.assertFalse(dashed.isEmpty(), "the file writes zeros as dashes in section 2");
        org.junit.jupiter.api.Assertions.assertTrue(dashed.stream().allMatch(c -> c.getValue() != null && c.getValue() == 0.0), dashed.toString());
        assertEquals(List.of(), report.getWarnings().stream().filter(w -> w.getSection() == 2 && w.getCode().equals("BAD_NUMBER")).toList());
    }

    /**
     * Section 2's small tables, their header cells broken over lines in the narrow layouts, read like the text. The
     * "-footers" files are left out: their section 2 writes "—" for zero, which the section-2 reader keeps as printed.
     */
    @ParameterizedTest
    @MethodSource("files")
    void section2RowsReadLikeTheText(String file) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(file.endsWith("-footers"), "section 2 written with dashes");
        String sample = file.equals(REAL) ? null : file.replaceAll("-(plain|narrow-top|narrow-bottom)$", "");
        List<String> expected = file.equals(REAL)
                ? List.of("s2 第二十条第（一）项 | 规章 | 本年制发件数=1 本年废止件数=0 现行有效件数=11",
                        "s2 第二十条第（一）项 | 行政规范性文件 | 本年制发件数=8 本年废止件数=26 现行有效件数=66",
                        "s2 第二十条第（五）项 | 行政许可 | 本年处理决定数量=447228", "s2 第二十条第（六）项 | 行政处罚 | 本年处理决定数量=3985758",
                        "s2 第二十条第（六）项 | 行政强制 | 本年处理决定数量=88283", "s2 第二十条第（八）项 | 行政事业性收费 | 本年收费金额（单位：万元）=96171.6")
                : Golden.expected(sample).stream().filter(l -> l.startsWith("s2 ")).toList();
        var report = new ReportParser().parse(pdf(file), file + ".pdf");
        assertEquals(String.join("\n", expected), String.join("\n", Golden.actual(report).stream().filter(l -> l.startsWith("s2 ")).toList()));
    }

    @Test
    void realReportLabelsStayWholeAndWithTheirRows() throws Exception {
        ExtractedDocument doc = PdfExtractor.extract(pdf(REAL), REAL + ".pdf");
        List<List<String>> rows = table(doc, 3).rows();
        // Wrapped over two lines, the numbers printed between them.
        assertEquals(List.of("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "447", "7", "0", "0", "0", "0", "454"), row(rows, "（二）部分公开"));
        // Printed one character per line in its own narrow column: one cell, on the first row it spans.
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "1288", "21", "0", "0", "50", "3", "1362"), row(rows, "（一）予以公开"));
        // Cut in two by the page break (and the "- 4 -" footer) between "（四）无" and "法提供".
        assertEquals(List.of("", "（四）无法提供", "1.本机关不掌握相关政府信息", "746", "12", "0", "0", "10", "1", "769"), row(rows, "1.本机关不掌握"));
        assertEquals(List.of("", "", "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "6", "0", "0", "0", "0", "0", "6"),
                row(rows, "2、申请人逾期"));
        // The header cell printed "商 业 企" over "业", run into "总计" on the line: one cell per column.
        assertTrue(rows.stream().anyMatch(r -> r.containsAll(List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"))),
                rows.toString());
        for (Block b : doc.blocks()) {
            String text = b instanceof Block.Paragraph p ? p.text() : ((Block.Table) b).rows().toString();
            assertFalse(text.matches("(?s).*-\\s*\\d\\s*-.*"), "page footer left in " + text);
        }
    }

    @Test
    void realReportProseComesOutInReadingOrderOneParagraphPerParagraph() throws Exception {
        ExtractedDocument doc = PdfExtractor.extract(pdf(REAL), REAL + ".pdf");
        List<String> paragraphs = doc.blocks().stream().filter(b -> b instanceof Block.Paragraph).map(b -> ((Block.Paragraph) b).text()).toList();
        assertEquals(List.of("淮安市人民政府", "2024年政府信息公开工作年度报告"), paragraphs.subList(0, 2));
        // A sentence wrapped over three lines and a page break is one paragraph, with its numbers intact.
        assertTrue(paragraphs.stream().anyMatch(p -> p.contains("全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）")),
                paragraphs.toString());
        assertTrue(paragraphs.contains("六、其他需要报告的事项"));
        assertTrue(paragraphs.get(paragraphs.size() - 1).endsWith("全年收取政府信息公开信息处理费3940元。"));
    }

    /** The table right after the heading of section {@code n}. */
    static Block.Table table(ExtractedDocument doc, int n) {
        List<Block> blocks = doc.blocks();
        for (int i = 0; i < blocks.size() - 1; i++) {
            if (blocks.get(i) instanceof Block.Paragraph p && SectionSplitter.sectionOf(p.text()) == n && blocks.get(i + 1) instanceof Block.Table t) {
                return t;
            }
        }
        throw new AssertionError("no table after the heading of section " + n + " in " + blocks);
    }

    /** The last {@code width} cells of every row whose last {@code width} cells are values or blanks, zero marks as 0. */
    static List<List<String>> valueRows(Block.Table t, int width) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : t.rows()) {
            if (row.size() < width) {
                continue;
            }
            List<String> tail = row.subList(row.size() - width, row.size()).stream().map(Cells::squash).toList();
            if (tail.stream().allMatch(c -> VALUE.matcher(c).matches()) && tail.stream().anyMatch(c -> !c.isEmpty())
                    || tail.stream().allMatch(String::isEmpty) && row.size() > width) {
                out.add(tail.stream().map(c -> ZERO_MARK.matcher(c).matches() ? "0" : c).toList());
            }
        }
        return out;
    }

    private static List<String> row(List<List<String>> rows, String labelStart) {
        return rows.stream().filter(r -> r.stream().anyMatch(c -> c.startsWith(labelStart))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + labelStart + " in " + rows));
    }
}
