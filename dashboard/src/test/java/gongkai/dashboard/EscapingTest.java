package gongkai.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportVersion;
import gongkai.parse.ReportParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Report text is untrusted: it reaches pages and JSON as text, never as markup or script. */
class EscapingTest {
    static final String SCRIPT_TITLE = "<script>alert('title')</script>北京市大兴区瀛海镇人民政府2023年政府信息公开工作年度报告";

    @Test
    void htmlTextAndAttributesCannotOpenMarkup() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.text("<script>alert(1)</script>"));
        String attr = Html.attr("\" onmouseover=\"alert(1)");
        assertFalse(attr.contains("\""), attr);
        String query = Html.q("a&b=<c> \"");
        assertFalse(query.contains("&b") || query.contains("<") || query.contains("\""), query);
    }

    @Test
    void onlyHttpSourcesBecomeLinks() {
        assertFalse(Html.sourceLink("javascript:alert(1)").contains("href"), Html.sourceLink("javascript:alert(1)"));
        assertFalse(Html.sourceLink("data:text/html,<script>").contains("<script>"));
        assertTrue(Html.sourceLink("https://www.gov.cn/a?b=1&c=2").contains("href=\"https://www.gov.cn/a?b=1&amp;c=2\""));
    }

    @Test
    void jsonEscapesWhatCouldEndAScriptOrAnAttribute() throws Exception {
        String hostile = "</script><b onclick='x'>&\u2028\u2029\"";
        String json = Json.write(Map.of("title", hostile));
        for (String bad : new String[] {"<", ">", "&", "'", "\u2028", "\u2029"}) {
            assertFalse(json.contains(bad), "raw " + bad + " in " + json);
        }
        assertEquals(hostile, new ObjectMapper().readTree(json).get("title").asText(), "the text itself is kept");
    }

    @Test
    void aReportWhoseTitleIsAScriptShowsAsText() throws Exception {
        DisclosureReport parsed = new ReportParser().parse(Files.readAllBytes(Path.of("..", "samples", "daxing-yinghai-2023.txt")), "daxing.txt");
        ReportVersion version = ReportVersion.newBuilder(parsed.getVersion()).setSource("javascript:alert('source')").build();
        DisclosureReport hostile = DisclosureReport.newBuilder(parsed).setTitle(SCRIPT_TITLE).setAgency("<img src=x onerror=alert(1)>")
                .setVersion(version).build();
        ViewState state = new ViewState();
        state.report(hostile);

        Document page = Jsoup.parse(ReportPage.render(state, hostile));
        assertEquals(SCRIPT_TITLE, page.selectFirst("h1.report-title").text());
        assertEquals(1, page.select("script").size(), "only the dashboard's own script");
        assertEquals("/static/app.js", page.selectFirst("script").attr("src"));
        assertTrue(page.select("img").isEmpty(), "the agency name is text");
        assertTrue(page.select("a[href^=javascript]").isEmpty(), "a javascript: source is not a link");
        assertTrue(page.text().contains("<img src=x onerror=alert(1)>"));
    }
}
