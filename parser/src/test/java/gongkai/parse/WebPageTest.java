package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;

/** Reports inside government site pages: the real 平潭 page, the corpus of sample pages, and the page furniture around them. */
class WebPageTest {
    private final ReportParser parser = new ReportParser();

    // ---- the real page -------------------------------------------------------------------------------------------

    @Test
    void pingtanIsReadWithItsAgencyYearDateAndEveryCell() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(Samples.resource("/real/pingtan-zone-2023.expected.json"));
        DisclosureReport r = parser.parse(Samples.resource("/real/pingtan-zone-2023.html"), "pingtan-zone-2023.html");

        assertEquals(expected.get("agency").asText(), r.getAgency());
        assertEquals("TITLE", r.getAgencySource().name(), "the ArticleTitle names the agency");
        assertEquals(expected.get("year").asInt(), r.getYear());
        assertEquals("T2021", r.getTemplate().name());
        assertEquals(expected.get("publishedAt").asText(), r.getVersion().getPublishedAt(), "the page's PubDate meta tag");
        assertEquals("平潭综合实验区2023年度政府信息公开工作年度报告", r.getTitle());

        List<String> want = new ArrayList<>();
        expected.get("section3").fields().forEachRemaining(e -> want.add(e.getKey() + " " + cells(e.getValue())));
        List<String> got = r.getRequestTable().stream().map(row -> row.getCode() + " " + cells(row)).toList();
        assertEquals(want, got);

        // Read by hand from the page's section-4 table (the expected json covers section 3 only).
        assertEquals(List.of("ADMINISTRATIVE_REVIEW 1 1 0 0 2", "LITIGATION_DIRECT 4 0 0 1 5", "LITIGATION_AFTER_REVIEW 1 0 1 0 2"),
                r.getReview().stream().map(WebPageTest::review).toList());
    }

    @Test
    void pingtanRequestTableComesOutOfTheExtractorAsAGridWithTheNumbersBesideTheirLabels() throws Exception {
        String html = new String(Samples.resource("/real/pingtan-zone-2023.html"), StandardCharsets.UTF_8);
        ExtractedDocument doc = HtmlExtractor.extract(html);
        List<Block.Table> tables = doc.blocks().stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b).toList();
        assertEquals(3, tables.size(), "sections 2, 3 and 4: no layout table, no navigation list taken for a table");
        List<List<String>> request = tables.get(1).rows();
        List<String> partial = request.stream().filter(row -> row.stream().anyMatch(c -> c.startsWith("（二）部分公开"))).findFirst().orElseThrow();
        assertEquals(List.of("19", "1", "0", "0", "0", "0", "20"), partial.subList(partial.size() - 7, partial.size()));
        assertTrue(request.get(2).contains("商业\n企业"), "a header cell split over two <p> stays one cell: " + request.get(2));
        String text = doc.text();
        assertFalse(text.contains("互动交流"), "navigation is not part of the report text");
        assertFalse(text.contains("当前位置"), "breadcrumbs are not part of the report text");
        assertFalse(text.contains("友情链接"), "the footer is not part of the report text");
        assertEquals("2024-03-08 15:34", doc.meta().pubDate());
        assertEquals("平潭综合实验区管委会办公室", doc.meta().contentSource());
        assertEquals("平潭综合实验区党工委管委会", doc.meta().siteName());
        assertTrue(doc.meta().url().endsWith("t20240308_87885.htm"));
    }

    @Test
    void withoutItsTitleTagsThePageStillNamesItsAgencyAndNeverTakesNavigationForTheTitle() throws Exception {
        String page = new String(Samples.resource("/real/pingtan-zone-2023.html"), StandardCharsets.UTF_8)
                .replaceAll("<meta name=\"ArticleTitle\"[^>]*>", "")
                .replaceAll("<title>[^<]*</title>", "<title>平潭综合实验区党工委管委会</title>")
                .replace("平潭综合实验区2023年度政府信息公开工作年度报告", "");
        DisclosureReport r = parser.parse(page.getBytes(StandardCharsets.UTF_8), "pingtan-untitled.html");
        assertEquals("", r.getTitle(), "no title rather than navigation text");
        assertEquals("平潭综合实验区", r.getAgency(), "the body's 实验区 completed from the ContentSource 平潭综合实验区管委会办公室");
        assertEquals("METADATA", r.getAgencySource().name());
        assertEquals(2023, r.getYear(), "from the body's 统计期限");
        assertEquals("2024-03-08", r.getVersion().getPublishedAt());
    }

    @Test
    void theSubmissionsOwnPublicationDateWinsOverThePages() throws Exception {
        var s = SubmissionFactory.of(Samples.resource("/real/pingtan-zone-2023.html"), "p.html", null);
        s.setPublishedAt("2024-03-01");
        assertEquals("2024-03-01", parser.parse(s).getVersion().getPublishedAt());
    }

    // ---- the corpus ----------------------------------------------------------------------------------------------

    static List<String> pages() {
        return SitePages.PAGES.stream().map(SitePages.Page::file).toList();
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyCorpusPageReadsEveryCellOfItsGolden(String file) throws Exception {
        DisclosureReport r = parser.parse(Samples.resource("/corpus/html/" + file), file);
        String golden = new String(Samples.resource("/corpus/html/" + file.replaceFirst("\\.html$", ".expected")), StandardCharsets.UTF_8);
        List<String> expected = golden.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        List<String> actual = new ArrayList<>();
        for (String line : Golden.actual(r)) {
            if (line.startsWith("agency") || line.startsWith("year ") || line.startsWith("template ")
                    || line.startsWith("s3 ") || line.startsWith("s4 ")) {
                actual.add(line);
            }
        }
        actual.add("publishedAt " + (r.getVersion().getPublishedAt() == null ? "_" : r.getVersion().getPublishedAt()));
        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertTrue(r.getTitle().endsWith("政府信息公开工作年度报告") && !r.getTitle().contains("首页") && !r.getTitle().contains("_"),
                "title is the report's, not navigation nor the whole <title>: " + r.getTitle());
    }

    @Test
    void theCorpusIsWhatSitePagesDescribes() {
        for (SitePages.Page p : SitePages.PAGES) {
            String committed = new String(Samples.resource("/corpus/html/" + p.file().replaceFirst("\\.html$", ".expected")), StandardCharsets.UTF_8);
            assertEquals(SitePages.golden(p), committed, p.file());
        }
    }

    // ---- what a page holds around the report ---------------------------------------------------------------------

    private static final String REPORT = """
            <p>一、总体情况</p><p>2023年，我镇主动公开信息。</p>
            <p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
            <p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>六、其他需要报告的事项</p>
            """;

    @Test
    void navigationNamingAnotherYearsReportIsNeverTheTitle() throws Exception {
        String page = "<html><head><title>某某镇人民政府</title></head><body>"
                + "<ul class='menu'><li>政府信息公开年报</li><li>某某镇2022年政府信息公开工作年度报告</li></ul>"
                + "<div class='text'>" + REPORT + "</div><div class='footer'>版权所有</div></body></html>";
        ExtractedDocument doc = HtmlExtractor.extract(page);
        assertFalse(doc.text().contains("2022年"), doc.text());
        assertEquals("", TitleReader.fromPage(doc.meta()).text(), "the <title> here is the site's name, not a report title");
    }

    @Test
    void titleFallsBackToH1ThenToTheArticlePartOfTheTitleTag() {
        PageMeta h1 = new PageMeta(null, null, null, null, null, "政府信息公开年报", "首页_某某区", "某某区人民政府2023年政府信息公开工作年度报告");
        assertEquals("某某区人民政府", TitleReader.fromPage(h1).agency());
        PageMeta title = new PageMeta(null, null, null, null, null, "政府信息公开年报",
                "政府信息公开年报_某某区人民政府2023年政府信息公开工作年度报告_某某区人民政府", null);
        assertEquals("某某区人民政府2023年政府信息公开工作年度报告", TitleReader.fromPage(title).text(),
                "the column name 政府信息公开年报 is skipped although it contains 年报");
    }

    @Test
    void aLayoutTableIsReadAsItsCellsAndTheReportTableInsideItAsATable() throws Exception {
        String page = "<html><body><table><tr><td>首页 政务公开</td></tr><tr><td>" + REPORT.replace("<p>四、",
                "<table><tr><td>行政复议</td><td>1</td></tr></table><p>四、") + "</td></tr></table></body></html>";
        ExtractedDocument doc = HtmlExtractor.extract(page);
        List<Block.Table> tables = doc.blocks().stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b).toList();
        assertEquals(List.of(List.of(List.of("行政复议", "1"))), tables.stream().map(Block.Table::rows).toList());
        assertTrue(doc.blocks().stream().anyMatch(b -> b instanceof Block.Paragraph p && p.text().equals("一、总体情况")));
    }

    @Test
    void aPageWithoutHeadingsFallsBackToTheCmsContentBlock() throws Exception {
        String page = "<html><body><div class='content'><div class='nav'>首页 政务公开 互动交流</div>"
                + "<div class='crumb'>" + "当前位置：首页 > 政务公开 > 政府信息公开年报 > 正文，欢迎访问本网站的政府信息公开专栏。".repeat(2) + "</div>"
                + "<div id='zoom'><p>" + "本机关按照要求开展政府信息公开工作，全年主动公开信息若干条，依申请公开办理若干件。".repeat(3) + "</p></div>"
                + "<div class='footer'>主办单位</div></div></body></html>";
        String text = HtmlExtractor.extract(page).text();
        assertTrue(text.startsWith("本机关"), text);
        assertFalse(text.contains("主办单位"), text);
    }

    @Test
    void aPageWithoutPubDateMayCarryItsCmsPublishDate() throws Exception {
        String page = new String(Samples.resource("/real/pingtan-zone-2023.html"), StandardCharsets.UTF_8)
                .replaceAll("<meta name=\"PubDate\"[^>]*>", "<meta name=\"publishdate\" content=\"2024-03-09\">");
        assertEquals("2024-03-09", parser.parse(page.getBytes(StandardCharsets.UTF_8), "p.html").getVersion().getPublishedAt());
    }

    @Test
    void pubDateIsReadInTheFormsSitesWriteIt() {
        assertEquals("2024-03-08", ReportHeader.isoDate("2024-03-08 15:34"));
        assertEquals("2024-03-08", ReportHeader.isoDate("2024/3/8"));
        assertEquals("2024-03-08", ReportHeader.isoDate("２０２４年３月８日"));
        assertEquals("2024-03-08", ReportHeader.isoDate("2024-03-08T15:34:00+08:00"));
        assertEquals("2024-03-08", ReportHeader.isoDate("20240308"));
        assertNull(ReportHeader.isoDate("2024030812345"));
        assertNull(ReportHeader.isoDate("2024-13-40"));
        assertNull(ReportHeader.isoDate("近日"));
    }

    @Test
    void contentSourceNamesTheAgencyWhenTheTitleDoesNot() throws Exception {
        byte[] page = Samples.resource("/corpus/html/anfeng-2020.html");
        DisclosureReport r = parser.parse(page, "anfeng.html");
        assertEquals("安丰镇", r.getAgency(), "the body's 安丰镇 found in the ContentSource 安丰镇人民政府");
        assertEquals(1, GoldenSamplesTest.warnings(r, "AGENCY_INFERRED").size());
    }

    @Test
    void theAgencyHintComesFirstAndSaysWhenTheTitleNamesAnother() throws Exception {
        var same = SubmissionFactory.of(Samples.resource("/real/pingtan-zone-2023.html"), "p.html", "福建省平潭综合实验区");
        DisclosureReport r = parser.parse(same);
        assertEquals("福建省平潭综合实验区", r.getAgency());
        assertEquals("TITLE", r.getAgencySource().name(), "the title names the same agency without its province");
        var other = SubmissionFactory.of(Samples.resource("/real/pingtan-zone-2023.html"), "p.html", "福州市人民政府");
        DisclosureReport o = parser.parse(other);
        assertEquals("福州市人民政府", o.getAgency());
        assertEquals("METADATA", o.getAgencySource().name());
        assertEquals(1, GoldenSamplesTest.warnings(o, "AGENCY_HINT_DIFFERS").size());
    }

    private static String cells(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(" ", out);
    }

    private static String cells(RequestRow row) {
        List<String> out = new ArrayList<>();
        row.getCells().forEach(v -> out.add(v == null ? "_" : v.toString()));
        return String.join(" ", out);
    }

    private static String review(ReviewGroup g) {
        return g.getGroup() + " " + g.getUpheld() + " " + g.getCorrected() + " " + g.getOther() + " " + g.getPending() + " " + g.getTotal();
    }
}
