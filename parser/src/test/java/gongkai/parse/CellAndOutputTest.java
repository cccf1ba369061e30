package gongkai.parse;

import gongkai.text.SafeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gongkai.avro.CellKind;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ParseWarning;
import gongkai.avro.RequestRow;
import gongkai.report.RequestTable;

class CellAndOutputTest {
    private final ReportParser parser = new ReportParser();

    /** Replaces the value cells of the NEW row of fengtai (13 5 0 0 0 0 18) with the given printed cells. */
    private DisclosureReport fengtaiWithNewRow(String... cells) throws Exception {
        String text = Samples.text("fengtai-changxindian-2020");
        String original = "\t一、本年新收政府信息公开申请数量\n\t13\n\t5\n\t0\n\t0\n\t0\n\t0\n\t18\n";
        assertTrue(text.contains(original));
        StringBuilder row = new StringBuilder("\t一、本年新收政府信息公开申请数量\n");
        for (String c : cells) {
            row.append('\t').append(c).append('\n');
        }
        return parser.parse(text.replace(original, row.toString()).getBytes(StandardCharsets.UTF_8), "edited.txt");
    }

    @Test
    void fullWidthDigitsAndOddSpacesAreNumbers() throws Exception {
        DisclosureReport r = fengtaiWithNewRow("１３", "\u3000５\u00A0", " 0 ", "0", "0", "0", "１８");
        RequestRow row = RequestTable.row(r, RequestTable.NEW).orElseThrow();
        assertEquals(List.of(13L, 5L, 0L, 0L, 0L, 0L, 18L), row.getCells());
        assertEquals("５", row.getRaw().get(1));
        assertTrue(r.getWarnings().isEmpty(), r.getWarnings().toString());
    }

    @Test
    void negativeAndNonNumericCellsAreNullWithBadNumberWarnings() throws Exception {
        DisclosureReport r = fengtaiWithNewRow("-3", "—", "1.5", "", "0", "0", "18");
        RequestRow row = RequestTable.row(r, RequestTable.NEW).orElseThrow();
        assertEquals(java.util.Arrays.asList(null, 0L, null, null, 0L, 0L, 18L), row.getCells());
        assertEquals(List.of("-3", "—", "1.5", "", "0", "0", "18"), row.getRaw());
        assertEquals(List.of(CellKind.UNREADABLE, CellKind.ZERO_NOTATION, CellKind.UNREADABLE, CellKind.BLANK,
                CellKind.NUMBER, CellKind.NUMBER, CellKind.NUMBER), row.getKinds());
        List<ParseWarning> w = r.getWarnings().stream().filter(x -> !x.getCode().equals("ZERO_NOTATION")).toList();
        assertEquals(List.of("BAD_NUMBER", "BAD_NUMBER", "BLANK_CELL"), w.stream().map(ParseWarning::getCode).toList());
        assertEquals(List.of("自然人", "科研机构", "社会公益组织"), w.stream().map(ParseWarning::getColumn).toList());
        assertTrue(w.stream().allMatch(x -> x.getSection() == 3 && "NEW".equals(x.getRow())));
    }

    @Test
    void zeroSignsUnitsAndSeparatorsAreReadAsAgenciesMeanThemWithOneNotePerTable() throws Exception {
        DisclosureReport r = fengtaiWithNewRow("13件", "－", "/", "无", "-", "１,２00", "1213");
        RequestRow row = RequestTable.row(r, RequestTable.NEW).orElseThrow();
        assertEquals(List.of(13L, 0L, 0L, 0L, 0L, 1200L, 1213L), row.getCells());
        assertEquals(List.of(CellKind.NUMBER, CellKind.ZERO_NOTATION, CellKind.ZERO_NOTATION, CellKind.ZERO_NOTATION,
                CellKind.ZERO_NOTATION, CellKind.NUMBER, CellKind.NUMBER), row.getKinds());
        List<ParseWarning> notes = r.getWarnings().stream().filter(x -> x.getSection() == 3).toList();
        assertEquals(1, notes.size(), notes.toString());
        assertEquals("ZERO_NOTATION", notes.get(0).getCode());
        assertTrue(notes.get(0).getMessage().contains("\"无\" in 1 cell (NEW/社会公益组织)"), notes.get(0).getMessage());
    }

    @Test
    void jsonIsPlainWithoutUnionWrappers() throws Exception {
        DisclosureReport r = parser.parse(Samples.bytes("daxing-yinghai-2023"), "daxing.txt");
        JsonNode tree = new ObjectMapper().readTree(ReportJson.toJson(r));
        assertEquals("北京市大兴区瀛海镇人民政府", tree.get("agency").asText());
        assertTrue(tree.get("version").get("publishedAt").isNull());
        JsonNode other3 = tree.get("requestTable").get(22);
        assertEquals("OTHER_3", other3.get("code").asText());
        assertTrue(other3.get("cells").get(0).isNull());
        assertTrue(tree.get("requestTable").get(0).get("cells").get(0).isNumber());
        assertTrue(tree.get("feeStatement").isTextual());
        assertFalse(ReportJson.toJson(r).contains("\"long\""));
    }

    @Test
    void tableRenderingHasChineseLabelsAndNoControlCharacters() throws Exception {
        String hostile = Samples.text("anfeng-2020").replace("政府信息公开工作年度报告\n", "政府信息公开工作年度报告\u001b[2J\u0007\n");
        DisclosureReport r = parser.parse(hostile.getBytes(StandardCharsets.UTF_8), "hostile\u001b]0;x\u0007.txt");
        String table = ReportTables.render(r);
        assertTrue(table.contains("（七）总计") && table.contains("结果维持") && table.contains("自然人"), table);
        assertTrue(table.chars().noneMatch(c -> c < 0x20 && c != '\n'), "only newlines among C0 controls");
        assertTrue(table.contains("\\u001B"));
    }

    @Test
    void safeTextKeepsNewlineAndTab() {
        assertEquals("a\tb\nc\\u001B[0m\\u202E", SafeText.forTerminal("a\tb\nc\u001b[0m\u202e"));
        assertEquals("a b", SafeText.oneLine("a\nb"));
    }

    @Test
    void zeroWidthAndBidiCharactersAreShownEscaped() {
        // Reads as 安丰镇 on a terminal, but is another string: a zero-width space, a right-to-left override, a BOM.
        assertEquals("安\\u200B丰\\u202E镇\\uFEFF", SafeText.oneLine("安\u200B丰\u202E镇\uFEFF"));
        assertEquals("\\u2060\\u061C\\u2028\\u200D", SafeText.oneLine("\u2060\u061C\u2028\u200D"));
        assertEquals("政府信息公开", SafeText.oneLine("政府信息公开"));
    }
}
