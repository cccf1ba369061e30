package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a site operator sees of the crawler: robots.txt obeyed, who is asking, how long it insists, where it refuses to go. */
class FetchEtiquetteTest {
    private static final String ROBOTS = """
            # every crawler
            User-agent: *
            Disallow: /private/

            # this one
            User-agent: GongkaiMonitor
            Disallow: /gk/internal/
            Allow: /gk/internal/nb/
            Crawl-delay: 0.5
            """;

    private FixtureSite site;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void startSite() throws IOException {
        site = new FixtureSite();
    }

    @AfterEach
    void stopSite() {
        release.countDown();
        site.close();
    }

    /** Robots.txt obeyed; only the loopback guard is lifted, since the fixture site is on 127.0.0.1. */
    private static FetchPolicy policy() {
        return FetchPolicy.defaults().allowingPrivateTargets().withPerHostDelay(Duration.ZERO).withTimeout(Duration.ofSeconds(2))
                .withRetries(0).withBackoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    }

    @Test
    void obeysTheGroupForItsNameAndItsCrawlDelay() throws Exception {
        site.page("/robots.txt", "text/plain", ROBOTS.getBytes(StandardCharsets.UTF_8))
                .html("/gk/internal/secret.html", "<p>no</p>")
                .html("/gk/internal/nb/2023.html", "<p>allowed by the longer rule</p>")
                .html("/private/2023.html", "<p>only other crawlers are kept out</p>")
                .html("/gk/a.html", "<p>a</p>");
        PoliteFetcher fetcher = new PoliteFetcher(policy());

        FetchException refused = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/gk/internal/secret.html")));
        fetcher.fetch(site.url("/gk/internal/nb/2023.html"));
        fetcher.fetch(site.url("/private/2023.html"));
        fetcher.fetch(site.url("/gk/a.html"));

        assertEquals("disallowed by robots.txt for gongkaimonitor", refused.getMessage());
        assertTrue(site.hits("/gk/internal/secret.html").isEmpty(), "a disallowed page is not requested");
        assertEquals(1, site.hits("/robots.txt").size(), "robots.txt is read once per site");
        List<FixtureSite.Hit> pages = site.hits().stream().filter(h -> !h.path().equals("/robots.txt")).toList();
        assertEquals(3, pages.size());
        for (int i = 1; i < pages.size(); i++) {
            long gap = pages.get(i).nanos() - pages.get(i - 1).nanos();
            assertTrue(gap >= Duration.ofMillis(500).toNanos(), "Crawl-delay 0.5 kept: only " + gap / 1_000_000 + " ms apart");
        }
    }

    @Test
    void aSiteWhoseRobotsTxtCannotBeReadIsNotCrawledButOneWithoutIsFully() throws Exception {
        site.handler("/robots.txt", ex -> FixtureSite.respond(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)))
                .html("/gk/a.html", "<p>a</p>");
        FetchException e = assertThrows(FetchException.class, () -> new PoliteFetcher(policy()).fetch(site.url("/gk/a.html")));
        assertEquals("robots.txt could not be read (HTTP 503): the site is not crawled until it can", e.getMessage());
        assertTrue(site.hits("/gk/a.html").isEmpty());

        try (FixtureSite plain = new FixtureSite()) {
            plain.html("/gk/a.html", "<p>a</p>");
            assertEquals("<p>a</p>", new String(new PoliteFetcher(policy()).fetch(plain.url("/gk/a.html")).body(), StandardCharsets.UTF_8),
                    "robots.txt 404: no rules");
        }
    }

    @Test
    void aSiteAskingForAnUnreasonableCrawlDelayIsLeftAlone() throws Exception {
        site.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n".getBytes(StandardCharsets.UTF_8)).html("/a.html", "a");

        FetchException e = assertThrows(FetchException.class, () -> new PoliteFetcher(policy()).fetch(site.url("/a.html")));

        assertEquals("robots.txt asks for a Crawl-delay over 2 s", e.getMessage());
        assertTrue(site.hits("/a.html").isEmpty());
    }

    @Test
    void namesItselfWithAContactTheOperatorCanUse() throws Exception {
        site.html("/a.html", "<p>a</p>");
        String ua = FetchPolicy.userAgent("北京市政务公开办", "https://gk.example.gov.cn/crawler.html");

        assertThrows(IllegalArgumentException.class, () -> policy().withUserAgent(ua), "a header value must be ASCII");
        String ascii = FetchPolicy.userAgent("Beijing disclosure office", "https://gk.example.gov.cn/crawler.html");
        new PoliteFetcher(policy().withUserAgent(ascii)).fetch(site.url("/a.html"));

        assertEquals("GongkaiMonitor/0.1.0 (+https://gk.example.gov.cn/crawler.html; Beijing disclosure office; annual report compliance monitor)",
                site.hits("/a.html").get(0).userAgent());
        assertEquals("gongkaimonitor", policy().withUserAgent(ascii).robotName());
        assertEquals("GongkaiMonitor/0.1.0 (+mailto:gk@example.gov.cn; annual report compliance monitor)",
                FetchPolicy.userAgent(null, "mailto:gk@example.gov.cn"));
        assertThrows(IllegalArgumentException.class, () -> FetchPolicy.userAgent(null, "call us"));
    }

    @Test
    void refusesLoopbackAndPrivateTargetsUnlessAllowed() throws Exception {
        site.html("/a.html", "<p>a</p>");
        PoliteFetcher guarded = new PoliteFetcher(FetchPolicy.defaults().withPerHostDelay(Duration.ZERO).withRetries(0));

        FetchException e = assertThrows(FetchException.class, () -> guarded.fetch(site.url("/a.html")));
        FetchException named = assertThrows(FetchException.class,
                () -> guarded.fetch(URI.create("http://localhost:" + site.url("/").getPort() + "/a.html")));

        assertTrue(e.getMessage().startsWith("refused: 127.0.0.1 is a loopback address"), e.getMessage());
        assertTrue(named.getMessage().startsWith("refused: localhost (127.0.0.1) is a loopback address")
                || named.getMessage().startsWith("refused: localhost (0:0:0:0:0:0:0:1) is a loopback address"), named.getMessage());
        assertTrue(site.hits().isEmpty(), "not even robots.txt is requested");
        assertEquals("<p>a</p>", new String(new PoliteFetcher(policy()).fetch(site.url("/a.html")).body(), StandardCharsets.UTF_8),
                "allowed explicitly");
    }

    @Test
    void refusesThePrivateNetworkAndCloudMetadataWithoutConnecting() throws Exception {
        // Checked on the address alone: no packet is sent to these (the fetcher checks every redirect hop the same way).
        FetchException lan = assertThrows(FetchException.class, () -> TargetGuard.check(URI.create("http://10.11.12.13/admin")));
        FetchException metadata = assertThrows(FetchException.class,
                () -> new PoliteFetcher(FetchPolicy.defaults().withRetries(0)).fetch(URI.create("http://169.254.169.254/latest/meta-data/")));

        assertTrue(lan.getMessage().startsWith("refused: 10.11.12.13 is a private address"), lan.getMessage());
        assertTrue(metadata.getMessage().startsWith("refused: 169.254.169.254 is a link-local address"), metadata.getMessage());
    }

    @Test
    void classifiesAddresses() throws Exception {
        for (String a : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "198.18.0.1", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1",
                "::ffff:10.0.0.1", "::ffff:127.0.0.1")) {
            assertTrue(TargetGuard.nonPublic(InetAddress.getByName(a)).isPresent(), a + " is not public");
        }
        for (String a : List.of("8.8.8.8", "114.114.114.114", "172.32.0.1", "100.128.0.1", "2400:3200::1")) {
            assertFalse(TargetGuard.nonPublic(InetAddress.getByName(a)).isPresent(), a + " is public");
        }
    }

    @Test
    void followsOnlyHttpRedirects() throws Exception {
        site.redirect("/to-jar", "jar:file:///tmp/x.jar!/a.html").redirect("/to-ftp", "ftp://127.0.0.1/report.pdf")
                .redirect("/to-file", "file:///etc/passwd");
        PoliteFetcher fetcher = new PoliteFetcher(policy());

        for (String path : List.of("/to-jar", "/to-ftp", "/to-file")) {
            assertEquals("not an http(s) URL", assertThrows(FetchException.class, () -> fetcher.fetch(site.url(path))).getMessage(), path);
        }
    }

    @Test
    void capsTheTotalTimeForOneDocument() throws Exception {
        site.handler("/slow.pdf", ex -> {
            awaitRelease();
            FixtureSite.respond(ex, 200, "application/pdf", new byte[10]);
        }).html("/first.html", "<p>first</p>");
        PoliteFetcher fetcher = new PoliteFetcher(policy().withTimeout(Duration.ofSeconds(5)).withRetries(5)
                .withMaxTimePerDocument(Duration.ofMillis(700)));
        // A fresh HTTP client takes hundreds of milliseconds over its first request: not the document's time to measure.
        fetcher.fetch(site.url("/first.html"));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/slow.pdf")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(e.getMessage().startsWith("gave up after 700 ms, the time allowed for one document (1 attempt, the last: timed out after "),
                e.getMessage());
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "gave up within the document's time, not 6 × 5 s: " + took);
    }

    @Test
    void asksWhetherADocumentChangedInsteadOfDownloadingItAgain() throws Exception {
        String lastModified = "Tue, 30 Jan 2024 01:00:00 GMT";
        site.handler("/nb/2023.pdf", ex -> {
            String tag = ex.getRequestHeaders().getFirst("If-None-Match");
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            if ("\"v1\"".equals(tag)) {
                ex.sendResponseHeaders(304, -1);
            } else {
                FixtureSite.respond(ex, 200, "application/pdf", "%PDF-1.7 report".getBytes(StandardCharsets.US_ASCII));
            }
        });
        PoliteFetcher fetcher = new PoliteFetcher(policy());

        Fetched first = fetcher.fetch(site.url("/nb/2023.pdf"));
        Fetched again = fetcher.fetch(site.url("/nb/2023.pdf"), first.validators());

        assertEquals(new Validators("\"v1\"", lastModified), first.validators());
        assertFalse(first.notModified());
        assertTrue(again.notModified());
        assertEquals(0, again.body().length);
        List<FixtureSite.Hit> hits = site.hits("/nb/2023.pdf");
        assertEquals("\"v1\"", hits.get(1).header("If-None-Match"));
        assertEquals(lastModified, hits.get(1).header("If-Modified-Since"));
        assertEquals(null, hits.get(0).header("If-None-Match"), "nothing known the first time");
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
