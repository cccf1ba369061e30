package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ListingPageTest {
    private static final URI PAGE = URI.create("http://www.example.gov.cn/gk/nb/index.html");

    private static List<ReportLink> links(String html) {
        return ListingPage.reportLinks(Jsoup.parse(html, PAGE.toString()));
    }

    @Test
    void recognisesReportTitlesButNotCircularsAboutThem() {
        assertTrue(ListingPage.isReportTitle("北京市大兴区瀛海镇人民政府2023年政府信息公开工作年度报告"));
        assertTrue(ListingPage.isReportTitle("2022年度政府信息公开工作报告"));
        assertTrue(ListingPage.isReportTitle("瀛海镇2019年政府信息公开年报"));
        assertTrue(ListingPage.isReportTitle("政府信息公开工作年度报告（2021年）"));
        assertFalse(ListingPage.isReportTitle("政府信息公开年报"), "a menu entry: no year");
        assertFalse(ListingPage.isReportTitle("关于做好2023年政府信息公开工作年度报告编制发布工作的通知"));
        assertFalse(ListingPage.isReportTitle("图解：2023年政府信息公开工作年度报告解读"));
        assertFalse(ListingPage.isReportTitle("2023年政府工作报告"));
    }

    @Test
    void findsTitlesDatesAndAttachmentsInTableRows() {
        List<ReportLink> links = links("""
                <table>
                  <tr><td><a href="/a/2023.html">2023年政府信息公开工作年度报告</a></td><td>2024/1/30</td></tr>
                  <tr><td>2022年政府信息公开工作年度报告</td><td><a href="../files/2022.PDF">PDF</a> <a href="../files/2022.docx">Word</a></td>
                      <td>2023.01.20</td></tr>
                  <tr><td><a href="#top">2021年政府信息公开工作年度报告</a></td></tr>
                  <tr><td><a href="mailto:gk@example.gov.cn">2021年政府信息公开工作年度报告意见箱</a></td></tr>
                  <tr><td>2020年政府信息公开工作年度报告</td><td><a href="view.jsp?id=7">查看</a></td></tr>
                </table>""");

        assertEquals(List.of(
                new ReportLink(URI.create("http://www.example.gov.cn/a/2023.html"), "2023年政府信息公开工作年度报告", "2024-01-30"),
                new ReportLink(URI.create("http://www.example.gov.cn/gk/files/2022.PDF"), "2022年政府信息公开工作年度报告 PDF Word 2023.01.20", "2023-01-20"),
                new ReportLink(URI.create("http://www.example.gov.cn/gk/files/2022.docx"), "2022年政府信息公开工作年度报告 PDF Word 2023.01.20", "2023-01-20")),
                links, "the page itself (#top), mail links and links that are neither titled nor documents are left out");
    }

    @Test
    void takesNoDateFromANeighbouringEntry() {
        List<ReportLink> links = links("""
                <div class="list">
                  <div><a href="news.html">镇领导调研安全生产</a><span>2024-03-01</span></div>
                  <div><a href="nb-2023.html">2023年政府信息公开工作年度报告</a></div>
                </div>""");

        assertEquals(1, links.size());
        assertEquals(null, links.get(0).publishedAt());
    }

    @Test
    void keepsNonAsciiLinksAsAsciiUrls() {
        List<ReportLink> links = links("<li><a href=\"files/2023年报 终稿.docx\">2023年政府信息公开工作年度报告</a></li>");

        assertEquals("http://www.example.gov.cn/gk/nb/files/2023%E5%B9%B4%E6%8A%A5%20%E7%BB%88%E7%A8%BF.docx", links.get(0).url().toString());
    }

    @Test
    void readsAGbkPageByItsMetaCharset() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body>"
                + "<li><a href=\"2023.html\">2023年政府信息公开工作年度报告</a> 2024年1月30日</li></body></html>";

        List<ReportLink> links = ListingPage.reportLinks(ListingPage.parse(html.getBytes(Charset.forName("GBK")), "text/html", PAGE));

        assertEquals(List.of(new ReportLink(URI.create("http://www.example.gov.cn/gk/nb/2023.html"), "2023年政府信息公开工作年度报告", "2024-01-30")),
                links);
    }

    @Test
    void findsThePublicationDateOnAReportPage() {
        assertEquals(Optional.of("2024-01-30"), ListingPage.publishedDate(Jsoup.parse(
                "<meta name=\"PubDate\" content=\"2024-01-30 10:12\"><p>成文日期：2024年1月5日</p>")));
        assertEquals(Optional.of("2020-01-31"), ListingPage.publishedDate(Jsoup.parse(
                "<p>统计截至2019年12月31日</p><div>发布日期： 2020年01月31日</div>")), "the labelled date, not the first one");
        assertEquals(Optional.empty(), ListingPage.publishedDate(Jsoup.parse("<p>发布日期：2020年13月31日</p>")));
    }

    @Test
    void findsTheFurtherPagesOfAListing() {
        org.jsoup.nodes.Document page = Jsoup.parse("""
                <div class="page"><a href="index.html">首页</a><a href="index_1.html">下一页</a><a href="index_9.html">尾页</a>
                <a href="http://other.example.com/index_1.html">下一页</a></div>
                <script type="text/javascript">
                  var countPage = 4//共多少页
                  createPageHTML(countPage, 0, "index", "html");
                </script>""", PAGE.toString());

        assertEquals(List.of(URI.create("http://www.example.gov.cn/gk/nb/index_1.html"), URI.create("http://www.example.gov.cn/gk/nb/index_2.html"),
                        URI.create("http://www.example.gov.cn/gk/nb/index_3.html")),
                ListingPage.nextPages(page), "下一页 first, then the pager's pages, each once; not this page, not another host, not 尾页 alone");
    }

    @Test
    void readsTheCommonCreatePageHtmlForms() {
        URI page = URI.create("http://www.example.gov.cn/col/nb/index_2.html");
        assertEquals(List.of(URI.create("http://www.example.gov.cn/col/nb/index.html"), URI.create("http://www.example.gov.cn/col/nb/index_1.html"),
                URI.create("http://www.example.gov.cn/col/nb/index_2.html")), ListingPage.scriptedPages("createPageHTML(3, 2, 'index', 'html');", page));
        assertEquals(2, ListingPage.scriptedPages("createPageHTML('page_div', 2, 1, 'index', 'html', 27);", page).size(),
                "element id first and record count last");
        assertEquals(List.of(), ListingPage.scriptedPages("createPageHTML(n, 0, 'index', 'html');", page), "a count that cannot be known");
        assertEquals(List.of(), ListingPage.scriptedPages("createPageHTML(100000, 0, 'index', 'html');", page), "a pager not believed");
        assertEquals(List.of(), ListingPage.scriptedPages("createPageHTML(3, 0, '../../etc/x', 'html');", page), "a name, not a path");
    }
}
