package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
    @AutoClose
    private FixtureSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = new FixtureSite();
    }

    private static FetchPolicy policy() {
        // robots.txt and the address guard have their own tests (FetchEtiquetteTest): here they would only add requests
        return FetchPolicy.defaults().ignoringRobotsTxt().allowingPrivateTargets().withPerHostDelay(Duration.ZERO)
                .withTimeout(Duration.ofSeconds(2)).withRetries(3)
                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2)).withMaxBytes(1024);
    }

    @Test
    void keepsTheDelayBetweenRequestsToOneHost() throws Exception {
        site.html("/a.html", "<p>a</p>").html("/b.html", "<p>b</p>");
        PoliteFetcher fetcher = new PoliteFetcher(policy().withPerHostDelay(Duration.ofMillis(250)));

        fetcher.fetch(site.url("/a.html"));
        fetcher.fetch(site.url("/b.html"));

        List<FixtureSite.Hit> hits = site.hits();
        assertEquals(2, hits.size());
        assertTrue(hits.get(1).nanos() - hits.get(0).nanos() >= Duration.ofMillis(250).toNanos(),
                "second request arrived " + (hits.get(1).nanos() - hits.get(0).nanos()) / 1_000_000 + " ms after the first");
    }

    @Test
    void retriesServerErrorsWithDoublingWaits() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        site.handler("/busy.html", ex -> {
            if (calls.getAndIncrement() < 2) {
                FixtureSite.respond(ex, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
            } else {
                FixtureSite.respond(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
            }
        });

        Fetched page = new PoliteFetcher(policy()).fetch(site.url("/busy.html"));

        assertEquals("<p>ok</p>", new String(page.body(), StandardCharsets.UTF_8));
        List<FixtureSite.Hit> hits = site.hits();
        assertEquals(3, hits.size());
        assertTrue(hits.get(1).nanos() - hits.get(0).nanos() >= Duration.ofMillis(100).toNanos(), "first wait");
        assertTrue(hits.get(2).nanos() - hits.get(1).nanos() >= Duration.ofMillis(200).toNanos(), "second wait doubled");
    }

    @Test
    void givesUpAfterTheLastRetry() throws Exception {
        site.handler("/down.html", ex -> FixtureSite.respond(ex, 502, "text/plain", new byte[0]));

        FetchException e = assertThrows(FetchException.class,
                () -> new PoliteFetcher(policy().withRetries(1).withBackoff(Duration.ZERO, Duration.ofSeconds(1))).fetch(site.url("/down.html")));

        assertEquals("HTTP 502 (2 attempts)", e.getMessage());
        assertEquals(2, site.hits().size());
    }

    @Test
    void givesUpAtOnceWhenAskedToComeBackMuchLater() throws Exception {
        site.handler("/later.html", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            FixtureSite.respond(ex, 429, "text/plain", new byte[0]);
        });

        FetchException e = assertThrows(FetchException.class, () -> new PoliteFetcher(policy()).fetch(site.url("/later.html")));

        assertEquals("HTTP 429, and the server asks to come back after 3600 s", e.getMessage());
        assertEquals(1, site.hits().size());
    }

    @Test
    void followsRedirectsUpToTheCap() throws Exception {
        site.redirect("/r1", "/r2").redirect("/r2", "/doc.html").html("/doc.html", "<p>doc</p>");
        for (int i = 0; i < 10; i++) {
            site.redirect("/loop" + i, "/loop" + (i + 1));
        }
        PoliteFetcher fetcher = new PoliteFetcher(policy());

        Fetched doc = fetcher.fetch(site.url("/r1"));
        FetchException loop = assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/loop0")));

        assertEquals(site.url("/doc.html"), doc.url());
        assertArrayEquals("<p>doc</p>".getBytes(StandardCharsets.UTF_8), doc.body());
        assertEquals("more than 5 redirects", loop.getMessage());
    }

    @Test
    void followsOnlyHttpRedirects() throws Exception {
        site.redirect("/to-file", "file:///etc/passwd");

        FetchException e = assertThrows(FetchException.class, () -> new PoliteFetcher(policy()).fetch(site.url("/to-file")));

        assertEquals("not an http(s) URL", e.getMessage());
        assertThrows(FetchException.class, () -> new PoliteFetcher(policy()).fetch(java.net.URI.create("ftp://127.0.0.1/x")));
    }

    @Test
    void acceptsABodyOfExactlyTheCap() throws Exception {
        site.page("/exact.pdf", "application/pdf", new byte[1024]).page("/over.pdf", "application/pdf", new byte[1025]);
        PoliteFetcher fetcher = new PoliteFetcher(policy());

        assertEquals(1024, fetcher.fetch(site.url("/exact.pdf")).body().length);
        assertEquals("too large: more than 1 KiB", assertThrows(FetchException.class, () -> fetcher.fetch(site.url("/over.pdf"))).getMessage());
    }

    @Test
    void readsRetryAfterAsSecondsOrDate() {
        var seconds = java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After", List.of("7")), (a, b) -> true);
        var date = java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")), (a, b) -> true);
        var junk = java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After", List.of("soon")), (a, b) -> true);

        assertEquals(Duration.ofSeconds(7), PoliteFetcher.retryAfter(seconds).orElseThrow());
        assertEquals(Duration.ZERO, PoliteFetcher.retryAfter(date).orElseThrow(), "a date in the past: now");
        assertTrue(PoliteFetcher.retryAfter(junk).isEmpty());
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        FetchPolicy p = policy().withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                List.of(p.backoff(0), p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(40)));
    }
}
