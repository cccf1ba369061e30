package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import gongkai.config.MonitorConfig;
import gongkai.metrics.PrometheusEndpoint;
import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What Prometheus scrapes from a running monitor after one report is judged and one is rejected: real broker, registry, topology. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MetricsIT {
    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();

    @Test
    void scrapeCountsTheSubmissionsAlertsAndParseTimeBesideKafkaStreamsMetrics() throws Exception {
        Path data = cluster.dataDir();
        Map<String, String> settings = cluster.monitorSettings(6);
        settings.put(MonitorConfig.METRICS_PORT, "0");
        MonitorConfig config = MonitorConfig.load(null, Map.of(), settings);
        Path notAReport = data.resolve("notice.txt");
        Files.writeString(notAReport, "关于开展垃圾分类宣传活动的通知\n各村（社区）：请于本周内完成宣传。");

        try (ComplianceApp app = ComplianceApp.start(config, Topics.live());
             PrometheusEndpoint metrics = PrometheusEndpoint.start(config, app.streams(), false)) {
            assertTrue(metrics.url().startsWith("http://127.0.0.1:"), "loopback by default: " + metrics.url());
            String before = scrape(metrics.url());

            String out = CommandRun.of("submit", "--data-dir", data.toString(), "../samples/daxing-yinghai-2023.txt", notAReport.toString()).out();
            assertTrue(out.contains("notice.txt"), out);

            String after = scrape(metrics.url());
            assertEquals(1.0, value(after, "gongkai_submissions_parsed_total") - value(before, "gongkai_submissions_parsed_total"), after);
            String rejected = after.lines().filter(l -> l.startsWith("gongkai_submissions_rejected_total{reason=\"")).findFirst()
                    .orElseThrow(() -> new AssertionError("no rejection counted:\n" + after));
            String series = rejected.substring(0, rejected.lastIndexOf(' '));
            assertEquals(1.0, value(after, series) - value(before, series), "one rejection, under its reason: " + rejected);
            System.out.println("scraped after one parsed and one rejected submission:\n" + grep(after, "gongkai_"));
            System.out.println("metric names: " + after.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0]).distinct().sorted().toList());
            assertTrue(value(after, "gongkai_parse_seconds_count{outcome=\"parsed\"}") >= 1, after);
            assertTrue(after.contains("gongkai_parse_seconds_bucket{outcome=\"parsed\",le="), "parse time as a histogram");
            assertTrue(after.lines().anyMatch(l -> l.startsWith("gongkai_alerts_raised_total{rule=\"R-") && !l.endsWith(" 0.0")),
                    "the sample raises alerts, counted by rule:\n" + grep(after, "gongkai_alerts"));
            assertTrue(after.lines().anyMatch(l -> l.startsWith("kafka_stream_")), "Kafka Streams' own metrics");
            assertTrue(after.lines().anyMatch(l -> l.startsWith("kafka_consumer_")) && after.lines().anyMatch(l -> l.startsWith("kafka_producer_")),
                    "its clients' metrics");
            assertTrue(after.contains("jvm_memory_used_bytes"), "the JVM's");

            HttpResponse<Void> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics.url()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void aTakenPortFailsRunButNotTheDemo() throws Exception {
        Path data = cluster.newDirectory("taken-port");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            MonitorConfig config = MonitorConfig.load(null, Map.of(), Map.of(MonitorConfig.METRICS_PORT, Integer.toString(taken.getLocalPort()),
                    MonitorConfig.BOOTSTRAP_SERVERS, "127.0.0.1:1", MonitorConfig.DATA_DIR, data.toString()));
            var streams = new org.apache.kafka.streams.KafkaStreams(ComplianceApp.topology(config.with(MonitorConfig.SCHEMA_REGISTRY_URL,
                    "mock://metrics-it"), Topics.live(), gongkai.topics.SubmissionWindow.ALL), ComplianceApp.streamsProperties(
                    config.with(MonitorConfig.SCHEMA_REGISTRY_URL, "mock://metrics-it"), Topics.live()));
            try {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> PrometheusEndpoint.start(config, streams, false));
                assertTrue(e.getMessage().startsWith("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort()), e.getMessage());
                assertTrue(e.getMessage().contains("metrics.port"), "names the setting: " + e.getMessage());
                try (PrometheusEndpoint demo = PrometheusEndpoint.start(config, streams, true)) {
                    assertTrue(!demo.url().endsWith(":" + taken.getLocalPort() + "/metrics"), demo.url());
                }
                assertEquals(Optional.empty(), Optional.ofNullable(PrometheusEndpoint.start(config.with(MonitorConfig.METRICS_PORT, "-1"), streams, false)));
            } finally {
                streams.close();
            }
        }
    }

    private static String scrape(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return r.body();
    }

    /** The value of a series (name with its labels, as it starts the line), 0 when absent. */
    private static double value(String scrape, String series) {
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    private static String grep(String scrape, String prefix) {
        return String.join("\n", scrape.lines().filter(l -> l.startsWith(prefix)).toList());
    }
}
