package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;

/**
 * Real published reports, exactly as their agencies published them, against every cell read by hand
 * (src/test/resources/real/*.expected.json): a PDF whose table rows wrap, break over a page with its footer and
 * carry a vertical label, and a whole government web page.
 */
class RealReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"huaian-city-2024", "pingtan-zone-2023"})
    void everySection3CellAndTheYearAreExact(String name) throws Exception {
        JsonNode want = JSON.readTree(Samples.resource("/real/" + name + ".expected.json"));
        DisclosureReport r = parse(want);
        assertEquals(want.get("year").asInt(), r.getYear());
        assertEquals("T2021", r.getTemplate().toString());
        assertEquals(expectedRows(want.get("section3")), actualRows(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"huaian-city-2024"})
    void theAgencyAndEverySection4CellAreExact(String name) throws Exception {
        JsonNode want = JSON.readTree(Samples.resource("/real/" + name + ".expected.json"));
        DisclosureReport r = parse(want);
        assertEquals(want.get("agency").asText(), r.getAgency());
        List<String> expected = new ArrayList<>();
        want.get("section4").fields().forEachRemaining(g -> expected.add(g.getKey() + " " + g.getValue().get("upheld")
                + " " + g.getValue().get("corrected") + " " + g.getValue().get("other") + " " + g.getValue().get("pending")
                + " " + g.getValue().get("total")));
        List<String> actual = new ArrayList<>();
        for (ReviewGroup g : r.getReview()) {
            actual.add(g.getGroup() + " " + g.getUpheld() + " " + g.getCorrected() + " " + g.getOther() + " " + g.getPending() + " " + g.getTotal());
        }
        assertEquals(expected, actual);
    }

    private static DisclosureReport parse(JsonNode want) throws ReportRejectedException {
        String file = want.get("file").asText();
        return new ReportParser().parse(Samples.resource("/real/" + file), file);
    }

    private static List<String> expectedRows(JsonNode section3) {
        List<String> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) section3::fields) {
            List<String> cells = new ArrayList<>();
            e.getValue().forEach(v -> cells.add(v.asText()));
            rows.add(e.getKey() + " " + String.join(" ", cells));
        }
        return rows;
    }

    private static List<String> actualRows(DisclosureReport r) {
        List<String> rows = new ArrayList<>();
        for (RequestRow row : r.getRequestTable()) {
            rows.add(row.getCode() + " " + String.join(" ", row.getCells().stream().map(String::valueOf).toList()));
        }
        return rows;
    }
}
