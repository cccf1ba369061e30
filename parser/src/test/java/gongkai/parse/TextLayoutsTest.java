package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import gongkai.avro.DisclosureReport;

/**
 * The same report in the plain-text layouts PDF extractors and web pages produce: a row per line with its numbers
 * separated by spaces, labels wrapped over lines with the numbers on the middle line, page footers and page breaks
 * inside the table, and the whole page flattened onto one line. Each must read to the same cells as the sample.
 */
class TextLayoutsTest {
    private final ReportParser parser = new ReportParser();

    /** Samples whose sections 3 and 4 have no blank cell: a row-per-line layout loses a blank cell's place. */
    static List<String> withoutBlanks() {
        return Samples.NAMES.stream().filter(n -> !n.equals("daxing-yinghai-2023")).toList();
    }

    @ParameterizedTest
    @MethodSource("withoutBlanks")
    void rowPerLineReadsLikeTheSample(String name) throws Exception {
        assertSameTables(name, rowPerLine(name, false));
    }

    @ParameterizedTest
    @MethodSource("withoutBlanks")
    void wrappedLabelsFootersAndPageBreaksReadLikeTheSample(String name) throws Exception {
        assertSameTables(name, rowPerLine(name, true));
    }

    @ParameterizedTest
    @MethodSource("withoutBlanks")
    void aPageFlattenedOntoOneLineReadsLikeTheSample(String name) throws Exception {
        String oneLine = String.join(" ", rowPerLine(name, false).split("\n"));
        assertEquals(1, oneLine.lines().count());
        assertSameTables(name, oneLine);
    }

    @org.junit.jupiter.api.Test
    void aPageBreakWithARunningHeaderAndARepeatedTableHeaderInsideTheTable() throws Exception {
        // The break falls after （六）1.: the next page repeats the title (its year spaced off) and the column
        // headers, whose 其他 and 总计 are columns, not the rows 3.其他 and （七）总计. The total is run into its label.
        String rows = rowPerLine("chaoyang-jinzhan-2021", false);
        StringBuilder text = new StringBuilder();
        for (String line : rows.split("\n")) {
            text.append(line.startsWith("（七）总计 ") ? line.replace("（七）总计 ", "（七）总计") : line).append('\n');
            if (line.contains("逾期不补正")) {
                text.append("- 4 -\n北京市朝阳区金盏乡人民政府 2021 年政府信息公开工作年度报告\n")
                        .append("申请人情况 自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n");
            }
        }
        assertSameTables("chaoyang-jinzhan-2021", text.toString());
    }

    @org.junit.jupiter.api.Test
    void numbersPlacedByInferenceAreMarkedSoAndSaidWhereTheyStood() throws Exception {
        // In the wrapped layout "（五）不予处理" wraps around the numbers of 2.重复申请, which stand before that label.
        String text = rowPerLine("fengtai-changxindian-2020", true);
        DisclosureReport r = parser.parse(text.getBytes(StandardCharsets.UTF_8), "fengtai-wrapped.txt");
        var row = gongkai.report.RequestTable.row(r, "NOT_PROCESSED_2").orElseThrow();
        assertEquals(java.util.Collections.nCopies(7, gongkai.avro.CellKind.INFERRED), row.getKinds());
        var note = r.getWarnings().stream().filter(w -> w.getCode().equals("CELL_INFERRED") && "NOT_PROCESSED_2".equals(w.getRow())).findFirst().orElseThrow();
        assertTrue(note.getMessage().contains("line 74") && note.getMessage().contains("stood before this row's label"), note.getMessage());
        var direct = gongkai.report.RequestTable.row(r, "NOT_PROCESSED_1").orElseThrow();
        assertEquals(java.util.Collections.nCopies(7, gongkai.avro.CellKind.NUMBER), direct.getKinds());
    }

    @org.junit.jupiter.api.Test
    void aBlankCellWithoutPositionsIsUnreadableNamingTheRowNotGuessed() throws Exception {
        // daxing-yinghai-2023 leaves （六）3.其他 blank; printed a row per line, its place is lost.
        String text = rowPerLine("daxing-yinghai-2023", false);
        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> parser.parse(text.getBytes(StandardCharsets.UTF_8), "daxing-rows.txt"));
        assertEquals(RejectionReason.TABLE_UNREADABLE, e.reason());
        assertTrue(e.getMessage().contains("daxing-rows.txt") && e.getMessage().contains("OTHER_3"), e.getMessage());
    }

    private void assertSameTables(String name, String layout) throws Exception {
        DisclosureReport expected = parser.parse(Samples.bytes(name), name + ".txt");
        DisclosureReport actual = parser.parse(layout.getBytes(StandardCharsets.UTF_8), name + "-layout.txt");
        assertEquals(tables(expected), tables(actual), layout);
        assertEquals(expected.getYear(), actual.getYear());
        assertEquals(expected.getTemplate(), actual.getTemplate());
        assertEquals(expected.getSections().size(), actual.getSections().size());
    }

    private static List<String> tables(DisclosureReport r) {
        return Golden.actual(r).stream().filter(l -> l.startsWith("s3 ") || l.startsWith("s4 ")).toList();
    }

    /**
     * The sample as a PDF's text layer gives it: paragraphs as lines, each table row on one line with its cells
     * separated by spaces (blank cells vanish). With {@code wrapped}, long labels break over two or three lines with
     * the numbers on the middle one, group labels stand beside their second sub-row, and a page footer and break
     * fall inside section 3 splitting a label.
     */
    static String rowPerLine(String name, boolean wrapped) {
        return rowPerLineOf(Samples.text(name), wrapped);
    }

    static String rowPerLineOf(String cellPerLineText, boolean wrapped) {
        ExtractedDocument doc = TextExtractor.extract(cellPerLineText);
        StringBuilder out = new StringBuilder();
        int tableRows = 0;
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Paragraph p) {
                out.append(Cells.trim(p.text()).replace('\n', ' ')).append('\n');
                continue;
            }
            String pendingGroup = null;
            for (List<String> row : ((Block.Table) b).rows()) {
                List<String> labels = new ArrayList<>();
                List<String> values = new ArrayList<>();
                for (String c : row) {
                    String v = Cells.trim(c).replace('\n', ' ').replaceAll("\\s+", wrapped ? "" : " ");
                    if (v.isEmpty()) {
                        continue;
                    }
                    (Cells.isValueToken(Cells.squash(v)) ? values : labels).add(v);
                }
                String label = String.join(" ", labels);
                String numbers = String.join(" ", values);
                if (!wrapped) {
                    out.append((label + " " + numbers).strip()).append('\n');
                    continue;
                }
                tableRows++;
                if (labels.size() > 1 && values.size() > 0) {
                    // A group label stands in a column of its own: "（三）不予公开" printed centred beside its next
                    // sub-row, "三、本年度办理结果" on a line of its own above.
                    String group = String.join(" ", labels.subList(0, labels.size() - 1));
                    label = labels.get(labels.size() - 1);
                    if (group.startsWith("（")) {
                        pendingGroup = group;
                    } else {
                        out.append(group).append('\n');
                    }
                } else if (pendingGroup != null && values.size() > 0) {
                    label = pendingGroup + " " + label;
                    pendingGroup = null;
                }
                if (tableRows == 12) {
                    out.append("- 3 -\n");
                }
                if (label.length() > 12 && !numbers.isEmpty()) {
                    int third = label.length() / 3;
                    out.append(label, 0, third).append('\n');
                    out.append(label, third, 2 * third).append(' ').append(numbers).append('\n');
                    out.append(label.substring(2 * third)).append('\n');
                } else {
                    out.append((label + " " + numbers).strip()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
