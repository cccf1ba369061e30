package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import gongkai.config.MonitorConfig;
import gongkai.local.EmbeddedCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a crawler operator sees, on a real broker, registry and topology: {@code crawl} prints what the topology made of
 * each document it published (a page that is no report is REJECTED there, with the reason), and {@code rejected}
 * lists the rejections afterwards.
 */
class CrawlOutcomesIT {
    @TempDir
    Path data;

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
        Path seeds = data.resolve("seeds.txt");
        Files.writeString(seeds, "http://127.0.0.1:" + site.getAddress().getPort() + "/gk/index.html | 北京市大兴区瀛海镇人民政府\n");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(data.resolve("data"))) {
            MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of(MonitorConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers(),
                    MonitorConfig.SCHEMA_REGISTRY_URL, cluster.schemaRegistryUrl(), MonitorConfig.DATA_DIR, data.resolve("data").toString()));
            try (ComplianceApp app = ComplianceApp.start(config, Topics.live())) {
                Result crawl = run("crawl", "--data-dir", data.resolve("data").toString(), "--seeds", seeds.toString(), "--delay", "PT0S");
                assertEquals(1, crawl.exit(), "a rejected document fails the crawl:\n" + crawl.out());
                assertTrue(crawl.out().lines().anyMatch(l -> l.startsWith("REJECTED") && l.contains("yinghai-2022.html")
                        && l.contains("NOT_A_REPORT")), crawl.out());
                assertTrue(crawl.out().lines().anyMatch(l -> l.contains("yinghai-2023.html") && l.contains("北京市大兴区瀛海镇人民政府 2023")
                        && (l.startsWith("PASS") || l.startsWith("WARN") || l.startsWith("FAIL"))), crawl.out());

                Result rejected = run("rejected", "--data-dir", data.resolve("data").toString(), "--source", "yinghai-2022");
                assertEquals(0, rejected.exit(), rejected.out());
                assertTrue(rejected.out().contains("NOT_A_REPORT: ") && rejected.out().contains("1 rejected submission(s)"), rejected.out());
                Result tomorrow = run("rejected", "--data-dir", data.resolve("data").toString(), "--since",
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString());
                assertTrue(tomorrow.out().contains("0 rejected submission(s)"), tomorrow.out());
            }
        } finally {
            site.stop(0);
        }
    }

    record Result(int exit, String out) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Monitor.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString());
    }
}
