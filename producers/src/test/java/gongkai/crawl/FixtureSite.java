package gongkai.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 serving pages the test defines, and recording when each request
 * arrived (so tests can check pacing and backoff from the server's side, without sleeping).
 */
final class FixtureSite implements AutoCloseable {
    /** One request as the server saw it; {@code nanos} is System.nanoTime() on arrival. */
    record Hit(String path, long nanos, String userAgent, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, HttpHandler> pages = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

    FixtureSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            hits.add(new Hit(exchange.getRequestURI().getRawPath(), System.nanoTime(), exchange.getRequestHeaders().getFirst("User-Agent"),
                    Map.copyOf(exchange.getRequestHeaders())));
            try {
                HttpHandler h = pages.get(exchange.getRequestURI().getRawPath());
                if (h == null) {
                    respond(exchange, 404, "text/html; charset=utf-8", "<h1>404 页面不存在</h1>".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(exchange);
                }
            } catch (IOException e) {
                // the client gave up (timeout, size cap): nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    FixtureSite page(String path, String contentType, byte[] body) {
        return handler(path, ex -> respond(ex, 200, contentType, body));
    }

    FixtureSite html(String path, String html) {
        return page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    FixtureSite redirect(String path, String location) {
        return handler(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
        });
    }

    FixtureSite handler(String path, HttpHandler handler) {
        pages.put(path, handler);
        return this;
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    static void respond(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
