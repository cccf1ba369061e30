package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gongkai.avro.DisclosureReport;

/** The same report as text, as an HTML page (UTF-8 and GB18030) and as a .docx parses to the same DisclosureReport. */
class FormatEquivalenceTest {
    private final ReportParser parser = new ReportParser();

    @ParameterizedTest
    @ValueSource(strings = {"fengtai-changxindian-2020", "chaoyang-jinzhan-2021", "daxing-yinghai-2023", "anfeng-2020", "miyun-mujiayu-2020"})
    void htmlWithRowspanAndColspanParsesLikeTheText(String name) throws Exception {
        JsonNode text = comparable(parser.parse(Samples.bytes(name), name + ".txt"));
        byte[] html = GovDocuments.html(name, StandardCharsets.UTF_8);
        String page = new String(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("rowspan=\"8\"") && page.contains("colspan=\"10\""), "the page uses real spans");
        assertEquals(text, comparable(parser.parse(html, name + ".html")));
        assertEquals(text, comparable(parser.parse(GovDocuments.html(name, Charset.forName("GB18030")), name + ".gbk.html")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fengtai-changxindian-2020", "chaoyang-jinzhan-2021", "daxing-yinghai-2023", "anfeng-2020", "miyun-mujiayu-2020"})
    void docxWithGridSpanAndVMergeParsesLikeTheText(String name) throws Exception {
        JsonNode text = comparable(parser.parse(Samples.bytes(name), name + ".txt"));
        byte[] docx = GovDocuments.docx(name);
        assertTrue(docx[0] == 'P' && docx[1] == 'K');
        DisclosureReport fromDocx = parser.parse(docx, name + ".docx");
        assertEquals(text, comparable(fromDocx));
        assertEquals(Golden.expected(name).stream().filter(l -> l.startsWith("s")).toList(),
                Golden.actual(fromDocx).stream().filter(l -> l.startsWith("s")).toList());
    }

    /** The report as JSON without what legitimately differs between formats: version, reportId (hash) and offsets. */
    static JsonNode comparable(DisclosureReport r) {
        ObjectNode tree = (ObjectNode) ReportJson.toTree(r);
        tree.remove("version");
        tree.remove("reportId");
        for (String field : new String[] {"sections", "claims"}) {
            for (Iterator<JsonNode> it = ((ArrayNode) tree.get(field)).elements(); it.hasNext();) {
                ((ObjectNode) it.next()).remove("offset");
            }
        }
        return tree;
    }
}
