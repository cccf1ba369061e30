package gongkai.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final ReportLink LINK = new ReportLink(URI.create("http://a.gov.cn/2023.html"), "2023年政府信息公开\u001b[2J工作年度报告", "2024-01-30");

    @Test
    void logPrintsOneEscapedLinePerDocument() {
        StringWriter text = new StringWriter();
        ProgressLog log = new ProgressLog(new PrintWriter(text), false);

        log.documentDone(DocumentResult.published(LINK, "2024-01-30", "ab".repeat(32)));
        log.documentDone(DocumentResult.duplicate(LINK, "already published"));
        log.documentDone(DocumentResult.failed("http://a.gov.cn/x\r\nFAKE", "t", "HTTP 404"));

        assertEquals(List.of(
                "published 2024-01-30  http://a.gov.cn/2023.html  2023年政府信息公开\\u001b[2J工作年度报告",
                "duplicate http://a.gov.cn/2023.html (already published)",
                "FAILED    http://a.gov.cn/x\\u000d\\u000aFAKE: HTTP 404"), text.toString().lines().toList());
    }

    @Test
    void barRedrawsOneLineAndKeepsFailuresAbove() {
        StringWriter text = new StringWriter();
        CrawlProgressBar bar = new CrawlProgressBar(new PrintWriter(text), false, 100);

        bar.listingRead(new SeedList.Seed(URI.create("http://a.gov.cn/list.html"), null), 2);
        bar.documentStarted(LINK);
        bar.documentDone(DocumentResult.failed("http://a.gov.cn/1.html", "t", "HTTP 404"));
        bar.documentDone(DocumentResult.published(LINK, "2024-01-30", "ab".repeat(32)));
        bar.finished(new CrawlReport(1, List.of(), List.of(), null));

        String out = text.toString();
        String[] lines = out.split("\n");
        assertEquals(2, lines.length, "the failure line, then the bar: " + out);
        assertTrue(out.endsWith("\n"), "the terminal is left on a fresh line");
        assertTrue(lines[0].endsWith("FAILED    http://a.gov.cn/1.html: HTTP 404"));
        String last = lines[1].substring(lines[1].lastIndexOf('\r') + 1);
        assertTrue(last.startsWith("\u001b[K[####################] 2/2  published 1, duplicate 0, failed 1"), last);
        for (String redraw : lines[1].split("\r")) {
            assertTrue(redraw.length() < 100, "each redraw fits the terminal");
        }
        assertFalse(out.contains("\u001b[2J"), "no control sequence from the web reaches the terminal");
    }
}
