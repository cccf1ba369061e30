package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code submit URL} gives up on what it cannot send before any cluster is involved: a body that trickles in,
 * one larger than the document limit. Nothing here needs a broker.
 */
class SubmitCommandTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();
    private final CountDownLatch done = new CountDownLatch(1);
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;

    @BeforeEach
    void startSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/trickle.pdf", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, never ends
            try (OutputStream body = ex.getResponseBody()) {
                while (!done.await(100, TimeUnit.MILLISECONDS)) {
                    body.write('%');
                    body.flush();
                }
            } catch (IOException | InterruptedException clientGone) {
                // the client gave up, as it should
            }
        });
        server.createContext("/big.pdf", ex -> {
            byte[] big = new byte[64 * 1024];
            ex.sendResponseHeaders(200, big.length);
            try (OutputStream body = ex.getResponseBody()) {
                body.write(big);
            } catch (IOException clientGone) {
                // the client stopped reading at the cap
            }
        });
        server.start();
    }

    @AfterEach
    void stopSite() {
        done.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private int run(String... args) {
        CommandLine cl = Monitor.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aBodyThatTricklesInIsGivenUpAtTheFetchTimeout() {
        Instant start = Instant.now();
        int exit = run("submit", "--data-dir", dir.toString(), "--fetch-timeout", "PT1S", url("/trickle.pdf"));
        Duration took = Duration.between(start, Instant.now());
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("trickle.pdf: timed out after 1 s"), err.toString());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "gave up in time: " + took);
    }

    @Test
    void aBodyOverTheDocumentLimitIsNotReadPastTheLimit() {
        int exit = run("submit", "--data-dir", dir.toString(), "--set", "parser.max.document.bytes=1024", url("/big.pdf"));
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("big.pdf: too large: more than 1 KiB"), err.toString());
    }
}
