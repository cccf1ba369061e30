package gongkai.metrics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import gongkai.config.MonitorConfig;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Serves {@code GET /metrics} in the Prometheus text format: the monitor's own metrics ({@link MonitorMetrics}),
 * Kafka Streams' metrics with those of its producers, consumers and admin client (Micrometer's
 * {@link KafkaStreamsMetrics}), and the JVM's. On 127.0.0.1 unless configured otherwise: metrics name agencies' rules
 * and volumes, and nothing here authenticates a scraper.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9404;
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<AutoCloseable> binders;

    private PrometheusEndpoint(PrometheusMeterRegistry registry, HttpServer server, ExecutorService executor, List<AutoCloseable> binders) {
        this.registry = registry;
        this.server = server;
        this.executor = executor;
        this.binders = binders;
    }

    /**
     * Starts the endpoint for a running topology, or returns null when {@code metrics.port} is -1.
     *
     * @param anyPortIfTaken when the configured port is in use, serve on a free one instead of failing (the demo,
     *                       which must start whatever else runs on the machine; {@code run} fails, since its scrape
     *                       configuration names the port)
     * @throws IllegalStateException naming the address and the setting when the port cannot be had
     */
    public static PrometheusEndpoint start(MonitorConfig config, KafkaStreams streams, boolean anyPortIfTaken) {
        String host = config.get(MonitorConfig.METRICS_HOST) == null ? DEFAULT_HOST : config.get(MonitorConfig.METRICS_HOST);
        int port;
        try {
            port = config.get(MonitorConfig.METRICS_PORT) == null ? DEFAULT_PORT : Integer.parseInt(config.get(MonitorConfig.METRICS_PORT).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MonitorConfig.METRICS_PORT + "=" + config.get(MonitorConfig.METRICS_PORT)
                    + ": not a port (0 for any free port, -1 to serve no metrics)");
        }
        if (port < 0) {
            return null;
        }
        HttpServer server;
        try {
            server = bind(host, port);
        } catch (BindException taken) {
            if (!anyPortIfTaken || port == 0) {
                throw new IllegalStateException("cannot serve metrics on " + host + ":" + port + " (" + taken.getMessage() + "): set "
                        + MonitorConfig.METRICS_PORT + " (GONGKAI_METRICS_PORT, --set metrics.port=…; 0 any free port, -1 none)", taken);
            }
            try {
                server = bind(host, 0);
            } catch (IOException e) {
                throw new IllegalStateException("cannot serve metrics on " + host + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        List<AutoCloseable> binders = new ArrayList<>();
        KafkaStreamsMetrics kafka = new KafkaStreamsMetrics(streams);
        kafka.bindTo(registry);
        binders.add(kafka);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // The topology records into the global registry; the Prometheus registry joins it for as long as it serves.
        Metrics.addRegistry(registry);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.createContext("/metrics", ex -> answer(ex, registry));
        server.setExecutor(executor);
        server.start();
        return new PrometheusEndpoint(registry, server, executor, binders);
    }

    private static HttpServer bind(String host, int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(host, port), 0);
    }

    private static void answer(HttpExchange ex, PrometheusMeterRegistry registry) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(200, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The address to scrape, e.g. {@code http://127.0.0.1:9404/metrics}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/metrics";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        Metrics.removeRegistry(registry);
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception e) {
                // closing meters of a registry being discarded: nothing left to protect
            }
        }
        registry.close();
    }
}
