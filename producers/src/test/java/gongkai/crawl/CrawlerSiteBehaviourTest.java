package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import gongkai.avro.ReportSubmission;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crawl through sites as government CMSs build them: paged listings, robots.txt, validators; on a real server on 127.0.0.1. */
class CrawlerSiteBehaviourTest {
    @TempDir
    Path dir;

    @AutoClose
    private FixtureSite site;
    private final List<ReportSubmission> submitted = new ArrayList<>();

    @BeforeEach
    void startSite() throws IOException {
        site = new FixtureSite();
    }

    private static FetchPolicy policy() {
        return FetchPolicy.defaults().allowingPrivateTargets().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(5)).withRetries(0);
    }

    private Crawler crawler(FetchPolicy policy, CrawlState state, int maxPages) {
        return new Crawler(new PoliteFetcher(policy), state, submitted::add, CrawlProgress.silent(), maxPages);
    }

    private List<SeedList.Seed> seed(String path) {
        return SeedList.parse(site.url(path) + " | 瀛海镇人民政府\n", "seeds.txt");
    }

    private static String item(int year) {
        return "<li><a href=\"./" + year + ".html\">瀛海镇" + year + "年政府信息公开工作年度报告</a><span>" + (year + 1) + "-01-30</span></li>";
    }

    private FixtureSite reports(int... years) {
        for (int y : years) {
            site.html("/gk/nb/" + y + ".html", "<h1>瀛海镇" + y + "年政府信息公开工作年度报告</h1><p>" + y + "</p>");
        }
        return site;
    }

    @Test
    void followsAScriptedPagerAndNextPageLinksOnTheSameSite() throws Exception {
        String other = "http://localhost:" + site.url("/").getPort() + "/gk/nb/index_9.html";
        // TRS-style: the pager is a script; page 0 is index.html, page n index_n.html
        site.html("/gk/nb/index.html", "<ul>" + item(2023) + item(2022) + "</ul>"
                        + "<script>var countPage = 3//共多少页\ncreatePageHTML(countPage, 0, \"index\", \"html\");</script>")
                .html("/gk/nb/index_1.html", "<ul>" + item(2021) + item(2020) + "</ul>"
                        + "<script>createPageHTML(3, 1, \"index\", \"html\");</script><a href=\"index_2.html\">下一页</a>")
                .html("/gk/nb/index_2.html", "<ul>" + item(2019) + "</ul><a href=\"" + other + "\">下一页</a>"
                        + "<script>createPageHTML(3, 2, \"index\", \"html\");</script>");
        reports(2023, 2022, 2021, 2020, 2019);

        CrawlReport report = crawler(policy(), CrawlState.inMemory(), 50).crawl(seed("/gk/nb/index.html"));

        assertEquals(5, report.published(), report.failures().toString());
        assertEquals(List.of("2023", "2022", "2021", "2020", "2019"), submitted.stream()
                .map(s -> s.getSource().replaceAll(".*/(\\d{4})\\.html$", "$1")).toList(), "every page's reports, in page order");
        for (String page : List.of("/gk/nb/index.html", "/gk/nb/index_1.html", "/gk/nb/index_2.html")) {
            assertEquals(1, site.hits(page).size(), page + " read once");
        }
        assertTrue(site.hits("/gk/nb/index_9.html").isEmpty(), "a 下一页 link to another host is not followed");
        assertTrue(report.failures().isEmpty());
    }

    @Test
    void readsNoMorePagesThanTheCap() throws Exception {
        for (int i = 0; i < 6; i++) {
            String name = i == 0 ? "index.html" : "index_" + i + ".html";
            site.html("/gk/nb/" + name, "<ul>" + item(2023 - i) + "</ul><a href=\"index_" + (i + 1) + ".html\">下一页</a>");
        }
        reports(2023, 2022, 2021, 2020, 2019, 2018);

        CrawlReport report = crawler(policy(), CrawlState.inMemory(), 2).crawl(seed("/gk/nb/index.html"));

        assertEquals(2, report.published());
        assertTrue(site.hits("/gk/nb/index_2.html").isEmpty());
    }

    @Test
    void aFailingLaterPageIsReportedAndTheOthersStillCount() throws Exception {
        site.html("/gk/nb/index.html", "<ul>" + item(2023) + "</ul><a href=\"index_1.html\">下一页</a>");
        reports(2023);

        CrawlReport report = crawler(policy(), CrawlState.inMemory(), 50).crawl(seed("/gk/nb/index.html"));

        assertEquals(1, report.published());
        assertEquals(List.of("listing: HTTP 404"), report.listingFailures().stream().map(DocumentResult::detail).toList());
        assertEquals(site.url("/gk/nb/index_1.html").toString(), report.listingFailures().get(0).url());
    }

    @Test
    void anUnchangedDocumentIsAnsweredNotModifiedAndAChangedOneIsPublished() throws Exception {
        AtomicReference<String> version = new AtomicReference<>("v1");
        List<Integer> statuses = new ArrayList<>();
        site.html("/gk/nb/index.html", "<ul>" + item(2023) + "</ul>")
                .handler("/gk/nb/2023.html", ex -> {
                    String etag = "\"" + version.get() + "\"";
                    ex.getResponseHeaders().set("ETag", etag);
                    if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                        statuses.add(304);
                        ex.sendResponseHeaders(304, -1);
                    } else {
                        statuses.add(200);
                        FixtureSite.respond(ex, 200, "text/html; charset=utf-8",
                                ("<h1>瀛海镇2023年政府信息公开工作年度报告</h1><p>" + version.get() + "</p>").getBytes(StandardCharsets.UTF_8));
                    }
                });
        Path stateFile = dir.resolve("crawl-state.tsv");

        CrawlReport first = crawler(policy(), CrawlState.load(stateFile), 50).crawl(seed("/gk/nb/index.html"));
        CrawlReport second = crawler(policy(), CrawlState.load(stateFile), 50).crawl(seed("/gk/nb/index.html"));
        version.set("v2");
        CrawlReport third = crawler(policy(), CrawlState.load(stateFile), 50).crawl(seed("/gk/nb/index.html"));

        assertEquals(1, first.published());
        assertEquals(List.of("not modified since it was published (HTTP 304)"),
                second.documents().stream().map(DocumentResult::detail).toList(), "the restart remembered the ETag");
        assertEquals(1, third.published(), "a new ETag: the new version is downloaded and published");
        assertEquals(List.of(200, 304, 200), statuses);
        assertEquals(2, submitted.size());
        assertTrue(Files.readString(stateFile).contains("validators\t" + site.url("/gk/nb/2023.html") + "\t\"v2\"\t\t"),
                "the state keeps the latest validators");
    }

    @Test
    void obeysRobotsTxtForListingsAndDocuments() throws Exception {
        site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /gk/closed/\nDisallow: /gk/nb/2022.html\n".getBytes(StandardCharsets.UTF_8))
                .html("/gk/closed/index.html", "<ul>" + item(2023) + "</ul>")
                .html("/gk/nb/index.html", "<ul>" + item(2023) + item(2022) + "</ul>");
        reports(2023, 2022);
        List<SeedList.Seed> seeds = new ArrayList<>(seed("/gk/closed/index.html"));
        seeds.addAll(seed("/gk/nb/index.html"));

        CrawlReport report = crawler(policy(), CrawlState.inMemory(), 50).crawl(seeds);

        assertEquals(List.of("listing: disallowed by robots.txt for gongkaimonitor"),
                report.listingFailures().stream().map(DocumentResult::detail).toList());
        assertEquals(1, report.published());
        assertEquals("disallowed by robots.txt for gongkaimonitor", report.failures().get(1).detail());
        assertTrue(site.hits("/gk/closed/index.html").isEmpty() && site.hits("/gk/nb/2022.html").isEmpty(), "nothing disallowed was requested");
        assertEquals(1, site.hits("/robots.txt").size());
    }

    @Test
    void refusesToCrawlItsOwnNetworkUnlessAllowed() throws Exception {
        site.html("/gk/nb/index.html", "<ul>" + item(2023) + "</ul>");
        reports(2023);

        CrawlReport report = crawler(FetchPolicy.defaults().withPerHostDelay(Duration.ZERO).withRetries(0), CrawlState.inMemory(), 50)
                .crawl(seed("/gk/nb/index.html"));

        assertTrue(report.listingFailures().get(0).detail().startsWith("listing: refused: 127.0.0.1 is a loopback address"),
                report.listingFailures().get(0).detail());
        assertTrue(site.hits().isEmpty());
        assertTrue(submitted.isEmpty());
    }
}
