package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import gongkai.text.Sha256;
import gongkai.avro.ReportSubmission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls a real HTTP server on 127.0.0.1 serving fixture pages, into a list instead of Kafka. */
class CrawlerTest {
    private static final String AGENCY = "北京市大兴区瀛海镇人民政府";
    private static final Duration DELAY = Duration.ofMillis(100);
    // Long enough that a quick answer (a 404) never times out on a loaded machine; the slow page never answers anyway.
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(150);
    private static final int MAX_BYTES = 32 * 1024;

    @TempDir
    Path dir;

    private FixtureSite site;
    private final CountDownLatch releaseSlowPage = new CountDownLatch(1);
    private final List<ReportSubmission> submitted = new ArrayList<>();

    @BeforeEach
    void startSite() throws IOException {
        site = new FixtureSite();
    }

    @AfterEach
    void stopSite() {
        releaseSlowPage.countDown();
        site.close();
    }

    @Test
    void crawlsListingAndReportsWhatBecameOfEachLink() throws Exception {
        String sampleText = Fixtures.sampleReportText();
        byte[] reportHtml = Fixtures.reportPage(AGENCY + "2023年政府信息公开工作年度报告", sampleText, null).getBytes(StandardCharsets.UTF_8);
        byte[] docx = Fixtures.docx("北京市大兴区瀛海镇人民政府", "2022年政府信息公开工作年度报告", "一、总体情况");
        byte[] report2019 = Fixtures.reportPage("瀛海镇2019年政府信息公开年报", "一、总体情况\n2019年我镇……", "发布日期：2020年1月31日")
                .getBytes(StandardCharsets.UTF_8);
        byte[] report2018 = Fixtures.reportPage("瀛海镇2018年政府信息公开工作年度报告", "一、总体情况\n2018年我镇……", null)
                .getBytes(StandardCharsets.UTF_8);
        AtomicInteger flakyCalls = new AtomicInteger();
        site.html("/gk/nb/index.html", fullListing())
                .page("/gk/nb/2024/yinghai-2023.html", "text/html; charset=utf-8", reportHtml)
                .page("/gk/nb/files/yinghai-2022.docx", Fixtures.DOCX_TYPE, docx)
                .handler("/gk/nb/slow.html", ex -> {
                    awaitRelease();
                    FixtureSite.respond(ex, 200, "text/html", "<p>too late</p>".getBytes(StandardCharsets.UTF_8));
                })
                .redirect("/gk/nb/old/yinghai-2019.html", "/gk/nb/2020/yinghai-2019.html")
                .page("/gk/nb/2020/yinghai-2019.html", "text/html; charset=utf-8", report2019)
                .handler("/gk/nb/flaky.html", ex -> {
                    if (flakyCalls.getAndIncrement() == 0) {
                        ex.getResponseHeaders().set("Retry-After", "1");
                        FixtureSite.respond(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
                    } else {
                        FixtureSite.respond(ex, 200, "text/html; charset=utf-8", report2018);
                    }
                })
                .page("/gk/nb/files/yinghai-2017.pdf", "application/pdf", new byte[2 * MAX_BYTES])
                .handler("/gk/nb/files/yinghai-2016.pdf", ex -> {
                    // No Content-Length: the cap must stop the download while reading.
                    ex.getResponseHeaders().set("Content-Type", "application/pdf");
                    ex.sendResponseHeaders(200, 0);
                    try (OutputStream out = ex.getResponseBody()) {
                        for (int i = 0; i < 16; i++) {
                            out.write(new byte[4096]);
                            out.flush();
                        }
                    }
                });
        Path stateFile = dir.resolve("crawl-state.tsv");

        CrawlReport report = crawler(DELAY, CrawlState.load(stateFile)).crawl(seeds("/gk/nb/index.html"));

        Map<String, DocumentResult> byPath = report.documents().stream()
                .collect(Collectors.toMap(d -> d.url().substring(site.url("").toString().length()), Function.identity()));
        assertEquals(List.of("/gk/nb/2024/yinghai-2023.html", "/gk/nb/files/yinghai-2022.docx", "/gk/nb/missing.html", "/gk/nb/slow.html",
                        "/gk/nb/old/yinghai-2019.html", "/gk/nb/flaky.html", "/gk/nb/files/yinghai-2017.pdf", "/gk/nb/files/yinghai-2016.pdf"),
                report.documents().stream().map(d -> d.url().substring(site.url("").toString().length())).toList(),
                "report links in page order; the notice, the menu, the news item and the javascript link are not reports");
        assertEquals(8, report.found());
        assertEquals(4, report.fetched());
        assertEquals(4, report.published());
        assertEquals(0, report.skippedDuplicate());
        assertEquals(4, report.failures().size());
        assertEquals("HTTP 404", byPath.get("/gk/nb/missing.html").detail());
        assertEquals("timed out after 1.5 s (3 attempts)", byPath.get("/gk/nb/slow.html").detail());
        assertEquals("too large: more than 32 KiB", byPath.get("/gk/nb/files/yinghai-2017.pdf").detail());
        assertEquals("too large: more than 32 KiB", byPath.get("/gk/nb/files/yinghai-2016.pdf").detail());
        assertTrue(byPath.get("/gk/nb/files/yinghai-2016.pdf").title().contains("2016年政府信息公开工作年度报告"),
                "a bare 下载 link takes its title from its row");

        assertEquals(4, submitted.size());
        ReportSubmission html = submitted.get(0);
        assertEquals(site.url("/gk/nb/2024/yinghai-2023.html").toString(), html.getSource());
        assertEquals(AGENCY, html.getAgencyHint());
        assertEquals("2024-01-30", html.getPublishedAt());
        assertEquals("text/html; charset=utf-8", html.getContentType());
        assertEquals(Crawler.SUBMITTER, html.getSubmitter());
        assertEquals(Sha256.hex(reportHtml), html.getSha256());
        assertTrue(new String(bytes(html), StandardCharsets.UTF_8).contains("二、主动公开政府信息情况"), "the sample report's text is submitted");

        ReportSubmission word = submitted.get(1);
        assertEquals(site.url("/gk/nb/files/yinghai-2022.docx").toString(), word.getSource());
        assertEquals("2023-01-20", word.getPublishedAt(), "2023年1月20日 beside the link");
        assertEquals(Fixtures.DOCX_TYPE, word.getContentType());
        assertArrayEquals(docx, bytes(word), "an attachment is submitted byte for byte");
        assertEquals(Sha256.hex(docx), word.getSha256());

        ReportSubmission redirected = submitted.get(2);
        assertEquals(site.url("/gk/nb/2020/yinghai-2019.html").toString(), redirected.getSource(), "the source is where the redirect led");
        assertEquals("2020-01-31", redirected.getPublishedAt(), "no date on the listing: the 发布日期 on the page");
        assertEquals(AGENCY, redirected.getAgencyHint());

        ReportSubmission retried = submitted.get(3);
        assertEquals(site.url("/gk/nb/flaky.html").toString(), retried.getSource());
        assertEquals("2019-03-01", retried.getPublishedAt());
        assertEquals(Sha256.hex(report2018), retried.getSha256());

        // Politeness, as the server saw it.
        List<FixtureSite.Hit> hits = site.hits().stream().sorted(Comparator.comparingLong(FixtureSite.Hit::nanos)).toList();
        for (int i = 1; i < hits.size(); i++) {
            long gap = hits.get(i).nanos() - hits.get(i - 1).nanos();
            assertTrue(gap >= DELAY.toNanos(), "requests " + hits.get(i - 1).path() + " and " + hits.get(i).path()
                    + " to the same host were only " + gap / 1_000_000 + " ms apart");
        }
        assertTrue(hits.stream().allMatch(h -> h.userAgent() != null && h.userAgent().startsWith("GongkaiMonitor/")), "User-Agent names the monitor");
        List<FixtureSite.Hit> flaky = site.hits("/gk/nb/flaky.html");
        assertEquals(2, flaky.size(), "503, then retried once");
        assertTrue(flaky.get(1).nanos() - flaky.get(0).nanos() >= Duration.ofSeconds(1).toNanos(), "Retry-After: 1 honoured");
        List<FixtureSite.Hit> slow = site.hits("/gk/nb/slow.html");
        assertEquals(3, slow.size(), "a timeout is retried: 1 attempt + 2 retries");
        // The client's timeout clock starts before the request arrives, so only the backoff is a lower bound here.
        assertTrue(slow.get(1).nanos() - slow.get(0).nanos() >= FIRST_BACKOFF.toNanos(), "first backoff");
        assertTrue(slow.get(2).nanos() - slow.get(1).nanos() >= FIRST_BACKOFF.multipliedBy(2).toNanos(), "backoff doubles");
        assertEquals(1, site.hits("/gk/nb/missing.html").size(), "a 404 is not retried");
        assertEquals(1, site.hits("/gk/nb/files/yinghai-2017.pdf").size(), "too large is not retried");

        assertEquals(4, Files.readAllLines(stateFile).size(), "each published document is remembered");
    }

    @Test
    void secondCrawlPublishesNothingNewButChangedContentAgain() throws Exception {
        AtomicReference<byte[]> report = new AtomicReference<>(
                Fixtures.reportPage("瀛海镇2023年政府信息公开工作年度报告", "第一版", "发布时间：2024-01-30 09:00").getBytes(StandardCharsets.UTF_8));
        site.html("/gk/simple/index.html", """
                        <ul>
                          <li><a href="report-2023.html">瀛海镇2023年政府信息公开工作年度报告</a></li>
                          <li><a href="mirror/report-2023.html">瀛海镇2023年政府信息公开工作年度报告（转载）</a><span>2024-02-01</span></li>
                        </ul>""")
                .handler("/gk/simple/report-2023.html", ex -> FixtureSite.respond(ex, 200, "text/html; charset=utf-8", report.get()))
                .handler("/gk/simple/mirror/report-2023.html", ex -> FixtureSite.respond(ex, 200, "text/html; charset=utf-8", report.get()));
        Path stateFile = dir.resolve("data").resolve("crawl-state.tsv");
        String original = site.url("/gk/simple/report-2023.html").toString();

        CrawlReport first = crawler(Duration.ZERO, CrawlState.load(stateFile)).crawl(seeds("/gk/simple/index.html"));
        assertEquals(1, first.published());
        assertEquals("2024-01-30", submitted.get(0).getPublishedAt(), "发布时间 on the page");
        assertEquals(DocumentResult.Status.DUPLICATE, first.documents().get(1).status());
        assertEquals("same content already published from " + original, first.documents().get(1).detail());

        submitted.clear();
        CrawlReport again = crawler(Duration.ZERO, CrawlState.load(stateFile)).crawl(seeds("/gk/simple/index.html"));
        assertTrue(submitted.isEmpty(), "a restart remembers what was published");
        assertEquals(2, again.skippedDuplicate());
        assertEquals("already published", again.documents().get(0).detail());

        report.set(Fixtures.reportPage("瀛海镇2023年政府信息公开工作年度报告", "第二版（更正）", "发布时间：2024-01-30").getBytes(StandardCharsets.UTF_8));
        CrawlReport changed = crawler(Duration.ZERO, CrawlState.load(stateFile)).crawl(seeds("/gk/simple/index.html"));
        assertEquals(1, changed.published(), "changed content at the same URL is a new version");
        assertEquals(original, submitted.get(0).getSource());
        assertEquals(Sha256.hex(report.get()), submitted.get(0).getSha256());
        assertTrue(CrawlState.load(stateFile).published(Sha256.hex(report.get())).isPresent());
        assertEquals(2, Files.readAllLines(stateFile).size());
        try (var files = Files.list(stateFile.getParent())) {
            assertEquals(List.of(stateFile), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void publishFailureStopsTheCrawlAndIsNotRemembered() throws Exception {
        site.html("/gk/simple/index.html", """
                        <ul>
                          <li><a href="a.html">瀛海镇2023年政府信息公开工作年度报告</a></li>
                          <li><a href="b.html">瀛海镇2022年政府信息公开工作年度报告</a></li>
                        </ul>""")
                .html("/gk/simple/a.html", "<p>2023</p>")
                .html("/gk/simple/b.html", "<p>2022</p>");
        Path stateFile = dir.resolve("crawl-state.tsv");
        Crawler crawler = new Crawler(fetcher(Duration.ZERO), CrawlState.load(stateFile), s -> {
            throw new IllegalStateException("cannot submit: broker down");
        }, CrawlProgress.silent());

        CrawlReport report = crawler.crawl(seeds("/gk/simple/index.html"));

        assertEquals(1, report.documents().size(), "no point fetching more when nothing can be published");
        assertEquals("not published: cannot submit: broker down", report.failures().get(0).detail());
        assertEquals("not published: cannot submit: broker down", report.stoppedBecause());
        assertFalse(Files.exists(stateFile));
        assertTrue(site.hits("/gk/simple/b.html").isEmpty());
    }

    @Test
    void aDocumentTooLargeToPublishFailsAloneAndTheCrawlGoesOn() throws Exception {
        site.html("/gk/simple/index.html", """
                        <ul>
                          <li><a href="a.html">瀛海镇2023年政府信息公开工作年度报告</a></li>
                          <li><a href="b.html">瀛海镇2022年政府信息公开工作年度报告</a></li>
                        </ul>""")
                .html("/gk/simple/a.html", "<p>2023 " + "很长".repeat(1000) + "</p>")
                .html("/gk/simple/b.html", "<p>2022</p>");
        List<String> published = new ArrayList<>();
        Crawler crawler = new Crawler(fetcher(Duration.ZERO), CrawlState.inMemory(), s -> {
            if (s.getContent().remaining() > 1000) {
                // what the publisher (or the broker, RecordTooLargeException) says of a document over the limit
                throw new gongkai.submit.DocumentTooLargeException(s.getSource() + ": document is " + s.getContent().remaining()
                        + " bytes, over the limit of 1000 bytes");
            }
            published.add(s.getSource());
        }, CrawlProgress.silent());

        CrawlReport report = crawler.crawl(seeds("/gk/simple/index.html"));

        assertNull(report.stoppedBecause(), "one large report does not stop the crawl");
        assertEquals(1, report.failures().size());
        assertTrue(report.failures().get(0).detail().startsWith("not published: ") && report.failures().get(0).detail()
                .contains("over the limit of 1000 bytes"), report.failures().get(0).detail());
        assertEquals(List.of(site.url("/gk/simple/b.html").toString()), published);
    }

    @Test
    void unreadableListingIsAFailureAndTheNextSeedIsStillCrawled() throws Exception {
        site.html("/gk/simple/index.html", "<li><a href=\"a.html\">瀛海镇2023年政府信息公开工作年度报告</a> 2024-01-30</li>")
                .html("/gk/simple/a.html", "<p>2023</p>");
        List<SeedList.Seed> seeds = new ArrayList<>(seeds("/gk/gone/index.html"));
        seeds.addAll(seeds("/gk/simple/index.html"));

        CrawlReport report = crawler(Duration.ZERO, CrawlState.inMemory()).crawl(seeds);

        assertEquals(1, report.listingFailures().size());
        assertEquals("listing: HTTP 404", report.listingFailures().get(0).detail());
        assertEquals(1, report.published());
        assertNull(report.stoppedBecause());
        assertTrue(report.summary(false).endsWith("1 published, 0 skipped as duplicate, 1 failed"), report.summary(false));
    }

    private void awaitRelease() {
        try {
            // Longer than the client's timeout; released when the test ends so the server can stop.
            releaseSlowPage.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Crawler crawler(Duration delay, CrawlState state) {
        return new Crawler(fetcher(delay), state, submitted::add, CrawlProgress.silent());
    }

    private static PoliteFetcher fetcher(Duration delay) {
        return new PoliteFetcher(FetchPolicy.defaults().allowingPrivateTargets().withPerHostDelay(delay).withTimeout(TIMEOUT).withRetries(2)
                .withBackoff(FIRST_BACKOFF, Duration.ofSeconds(2)).withMaxBytes(MAX_BYTES));
    }

    private List<SeedList.Seed> seeds(String listingPath) {
        return SeedList.parse("# test seeds\n" + site.url(listingPath) + " | " + AGENCY + "\n", "seeds.txt");
    }

    private static byte[] bytes(ReportSubmission s) {
        byte[] b = new byte[s.getContent().remaining()];
        s.getContent().duplicate().get(b);
        return b;
    }

    private static String fullListing() {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
                <div class="nav"><a href="/index.html">首页</a> &gt; <a href="/gk/nb/index.html">政府信息公开年报</a></div>
                <div class="notice"><a href="notice-2023.html">关于做好2023年政府信息公开工作年度报告编制发布工作的通知</a><span>2023-12-01</span></div>
                <ul class="list">
                  <li><a href="2024/yinghai-2023.html" title="北京市大兴区瀛海镇人民政府2023年政府信息公开工作年度报告">北京市大兴区瀛海镇人民政府2023年政府…</a><span>2024-01-30</span></li>
                  <li><a href="files/yinghai-2022.docx">瀛海镇2022年政府信息公开工作年度报告（附件）</a><span class="date">2023年1月20日</span></li>
                  <li><a href="missing.html">瀛海镇2021年政府信息公开工作年度报告</a><span>2022-01-25</span></li>
                  <li><a href="slow.html">瀛海镇2020年政府信息公开工作年度报告</a> 2021-01-28</li>
                  <li><a href="old/yinghai-2019.html">瀛海镇2019年政府信息公开年报</a></li>
                  <li><a href="flaky.html">瀛海镇2018年政府信息公开工作年度报告</a><span>2019-03-01</span></li>
                  <li><a href="files/yinghai-2017.pdf">瀛海镇2017年政府信息公开工作年度报告.pdf</a><span>2018-01-31</span></li>
                  <li>瀛海镇2016年政府信息公开工作年度报告 <a href="files/yinghai-2016.pdf">下载</a><span>2017-02-01</span></li>
                  <li><a href="javascript:void(0)">2015年政府信息公开工作年度报告</a></li>
                  <li><a href="news/1.html">瀛海镇开展垃圾分类宣传活动</a><span>2024-02-02</span></li>
                </ul>
                </body></html>""";
    }
}
