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
}
