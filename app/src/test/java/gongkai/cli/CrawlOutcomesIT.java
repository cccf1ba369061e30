package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import gongkai.config.MonitorConfig;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a crawler operator sees, on a real broker, registry and topology: {@code crawl} prints what the topology made of
 * each document it published (a page that is no report is REJECTED there, with the reason), and {@code rejected}
 * lists the rejections afterwards.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlOutcomesIT {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void crawlPrintsEachDocumentsOutcomeAndRejectedListsTheRejections() throws Exception {
        byte[] report = Files.readAllBytes(Path.of("..", "samples", "daxing-yinghai-2023.txt"));
        byte[] notice = "<html><head><meta charset=\"utf-8\"><title>通知</title></head><body><p>关于召开会议的通知：请各单位准时参加。</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        String listing = "<html><head><meta charset=\"utf-8\"></head><body><ul>"
                + "<li><a href=\"yinghai-2023.html\">瀛海镇2023年政府信息公开工作年度报告</a><span>2024-01-30</span></li>"
                + "<li><a href=\"yinghai-2022.html\">瀛海镇2022年政府信息公开工作年度报告</a><span>2023-01-20</span></li>"
                + "</ul></body></html>";
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, byte[]> pages = Map.of("/gk/index.html", listing.getBytes(StandardCharsets.UTF_8),
                "/gk/yinghai-2023.html", report, "/gk/yinghai-2022.html", notice);
        site.createContext("/", ex -> {
            byte[] body = pages.get(ex.getRequestURI().getPath());
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        site.start();
        Path seeds = cluster.newDirectory("site").resolve("seeds.txt");
        Files.writeString(seeds, "http://127.0.0.1:" + site.getAddress().getPort() + "/gk/index.html | 北京市大兴区瀛海镇人民政府\n");
        try {
            MonitorConfig config = MonitorConfig.load(null, Map.of(), cluster.monitorSettings(6));
            try (ComplianceApp app = ComplianceApp.start(config, Topics.live())) {
                // The fixture site is on 127.0.0.1, which the crawler refuses unless told (as an intranet crawl would be).
                CommandRun crawl = CommandRun.of("crawl", "--data-dir", cluster.dataDir().toString(), "--seeds", seeds.toString(), "--delay", "PT0S",
                        "--allow-private-targets");
                assertEquals(1, crawl.exit(), "a rejected document fails the crawl:\n" + crawl.printed());
                assertTrue(crawl.printed().lines().anyMatch(l -> l.startsWith("REJECTED") && l.contains("yinghai-2022.html")
                        && l.contains("NOT_A_REPORT")), crawl.printed());
                assertTrue(crawl.printed().lines().anyMatch(l -> l.contains("yinghai-2023.html") && l.contains("北京市大兴区瀛海镇人民政府 2023")
                        && (l.startsWith("PASS") || l.startsWith("WARN") || l.startsWith("FAIL"))), crawl.printed());

                CommandRun rejected = CommandRun.of("rejected", "--data-dir", cluster.dataDir().toString(), "--source", "yinghai-2022");
                assertEquals(0, rejected.exit(), rejected.printed());
                assertTrue(rejected.printed().contains("NOT_A_REPORT: ") && rejected.printed().contains("1 rejected submission(s)"), rejected.printed());
                CommandRun tomorrow = CommandRun.of("rejected", "--data-dir", cluster.dataDir().toString(), "--since",
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString());
                assertTrue(tomorrow.printed().contains("0 rejected submission(s)"), tomorrow.printed());
            }
        } finally {
            site.stop(0);
        }
    }
}
