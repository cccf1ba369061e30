package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crawl --dry-run} from the command line against a site on 127.0.0.1: no cluster involved. */
class CrawlCommandTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> userAgents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSite() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            userAgents.add(ex.getRequestHeaders().getFirst("User-Agent"));
            String path = ex.getRequestURI().getPath();
            byte[] body = switch (path) {
                case "/nb/index.html" -> "<ul><li><a href=\"2023.html\">瀛海镇2023年政府信息公开工作年度报告</a><span>2024-01-30</span></li></ul>"
                        .getBytes(StandardCharsets.UTF_8);
                case "/nb/2023.html" -> "<h1>瀛海镇2023年政府信息公开工作年度报告</h1>".getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopSite() {
        server.stop(0);
    }

    private record Result(int exit, String out, String err) {
    }

    private Result crawl(String... extra) throws Exception {
        Path seeds = dir.resolve("seeds.txt");
        Files.writeString(seeds, "http://127.0.0.1:" + server.getAddress().getPort() + "/nb/index.html | 瀛海镇人民政府\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Monitor.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("crawl", "--dry-run", "--data-dir", dir.toString(),
                "--seeds", seeds.toString(), "--delay", "PT0S", "--retries", "0"), java.util.stream.Stream.of(extra)).toArray(String[]::new);
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void refusesItsOwnNetworkUnlessAllowedAndNamesItsContact() throws Exception {
        Result refused = crawl();
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.out().contains("refused: 127.0.0.1 is a loopback address"), refused.out());
        assertTrue(userAgents.isEmpty(), "nothing was requested");

        Result allowed = crawl("--allow-private-targets", "--contact", "https://gk.example.gov.cn/crawler.html", "--operator", "Beijing office");
        assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
        assertTrue(allowed.out().contains("would submit 2024-01-30"), allowed.out());
        assertTrue(userAgents.stream().allMatch(ua -> ua.equals(
                "GongkaiMonitor/0.1.0 (+https://gk.example.gov.cn/crawler.html; Beijing office; annual report compliance monitor)")), userAgents.toString());
        assertEquals(3, userAgents.size(), "robots.txt, the listing, the report: " + userAgents);
    }

    @Test
    void aContactThatIsNeitherURLNorMailIsAUsageError() throws Exception {
        Result r = crawl("--contact", "call the office");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--contact/--operator: contact is neither an http(s) URL nor a mail address"), r.err());
    }
}
