package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlStateTest {
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final Instant T = Instant.parse("2024-02-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void remembersAcrossLoads() throws Exception {
        Path file = dir.resolve("data/crawl-state.tsv");
        CrawlState state = CrawlState.load(file);
        assertEquals(0, state.size());

        state.remember(SHA_A, "http://a.gov.cn/2023.html", T);
        state.remember(SHA_B, "http://a.gov.cn/2023.html", T.plusSeconds(60));

        CrawlState reloaded = CrawlState.load(file);
        assertEquals(2, reloaded.size());
        assertEquals(new CrawlState.Entry(SHA_A, "http://a.gov.cn/2023.html", T), reloaded.published(SHA_A).orElseThrow());
        assertTrue(reloaded.published("c".repeat(64)).isEmpty());
    }

    @Test
    void aDetachedCopyWritesNothing() throws Exception {
        Path file = dir.resolve("crawl-state.tsv");
        CrawlState.load(file).remember(SHA_A, "http://a.gov.cn/1", T);
        String before = Files.readString(file);

        CrawlState dry = CrawlState.load(file).detached();
        dry.remember(SHA_B, "http://a.gov.cn/2", T);

        assertTrue(dry.published(SHA_A).isPresent());
        assertTrue(dry.published(SHA_B).isPresent());
        assertEquals(before, Files.readString(file));
        assertFalse(CrawlState.load(file).published(SHA_B).isPresent());
    }

    @Test
    void refusesADamagedFileRatherThanGuess() throws Exception {
        Path file = dir.resolve("crawl-state.tsv");
        Files.writeString(file, SHA_A + "\thttp://a.gov.cn/1\t" + T + "\nnot a line\n");

        IOException e = assertThrows(IOException.class, () -> CrawlState.load(file));
        assertTrue(e.getMessage().endsWith("crawl-state.tsv:2: not a crawl state line (sha256<TAB>url<TAB>instant)"), e.getMessage());
    }

    @Test
    void remembersValidatorsOnlyForPublishedVersions() throws Exception {
        Path file = dir.resolve("crawl-state.tsv");
        CrawlState state = CrawlState.load(file);
        state.remember(SHA_A, "http://a.gov.cn/2023.pdf", T);
        state.rememberValidators("http://a.gov.cn/2023.pdf", new Validators("W/\"5f-1\"", "Tue, 30 Jan 2024 01:00:00 GMT"), SHA_A);
        state.rememberValidators("http://a.gov.cn/draft.pdf", new Validators("\"x\"", null), SHA_B);

        CrawlState reloaded = CrawlState.load(file);

        assertEquals(new Validators("W/\"5f-1\"", "Tue, 30 Jan 2024 01:00:00 GMT"), reloaded.validators("http://a.gov.cn/2023.pdf"));
        assertEquals(Validators.NONE, reloaded.validators("http://a.gov.cn/draft.pdf"), "its content was never published: ask unconditionally");
        assertEquals(Validators.NONE, reloaded.validators("http://a.gov.cn/other.pdf"));
        assertEquals(Validators.NONE, new Validators("\"bad\ttag\"", " "), "a header value that cannot be stored is not kept");
    }
}
