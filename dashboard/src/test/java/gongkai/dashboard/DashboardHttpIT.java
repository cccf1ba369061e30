package gongkai.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.avro.AlertReview;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryClient;
import gongkai.testkit.LocalCluster;
import gongkai.submit.OutcomeTracker;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import gongkai.topics.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's HTTP surface without a browser, over a real broker, registry and topology: the JSON
 * API, the exports, the live event stream, and who may post a review (CSRF token, bearer token).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DashboardHttpIT {
    static final Path SAMPLES = Path.of("..", "samples");
    static final String TOKEN = "it-token-0123456789abcdef";

    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();
    static Dashboard open;
    static Dashboard guarded;
    static MonitorConfig config;
    static MonitorSerdes serdes;
    static final Topics topics = Topics.live();
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        config = MonitorConfig.load(null, Map.of(), cluster.monitorSettings(2));
        serdes = MonitorSerdes.using(SchemaRegistryClient.connect(cluster.registryUrl()), true);
        cluster.closeAfter(ComplianceApp.start(config, topics));
        List<ReportSubmission> sent = List.of(sample("chaoyang-jinzhan-2021.txt"), sample("crafted/chaoyang-jinzhan-2022.txt"));
        try (OutcomeTracker tracker = new OutcomeTracker(config.clientProperties(), topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(config.clientProperties(), topics.submissions(), serdes.submissions())) {
            sent.forEach(publisher::publish);
            publisher.flush();
            assertTrue(tracker.await(sent, Duration.ofSeconds(60)).values().stream().allMatch(o -> o.done()));
        }
        open = cluster.closeAfter(Dashboard.start(config, topics, DashboardOptions.local(0)));
        guarded = cluster.closeAfter(Dashboard.start(config, topics, new DashboardOptions("127.0.0.1", 0, Access.bearer(TOKEN))));
        assertTrue(open.awaitReady(Duration.ofSeconds(30)) && guarded.awaitReady(Duration.ofSeconds(30)));
    }

    static ReportSubmission sample(String name) throws Exception {
        return Submissions.of(Files.readAllBytes(SAMPLES.resolve(name)), name, "it", "text/plain", null, null, Instant.now());
    }

    static HttpResponse<String> get(Dashboard d, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(d.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Dashboard d, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(d.url().resolve("/review")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String contCellKey() throws Exception {
        JsonNode alerts = new ObjectMapper().readTree(get(open, "/api/alerts?rule=R-CONT-01").body());
        assertEquals(2, alerts.size(), alerts.toString());
        return alerts.get(0).get("alertKey").asText();
    }

    @Test
    void apiAndExportsGiveTheFilteredStandingAlerts() throws Exception {
        HttpResponse<String> api = get(open, "/api/alerts?severity=ERROR");
        assertEquals("application/json; charset=utf-8", api.headers().firstValue("Content-Type").orElse(""));
        JsonNode alerts = new ObjectMapper().readTree(api.body());
        assertTrue(alerts.size() >= 2);
        alerts.forEach(a -> assertEquals("ERROR", a.get("severity").asText()));

        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(open.url().resolve("/export.xlsx?rule=R-CONT-01")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("alerts.xlsx"));
        assertEquals('P', xlsx.body()[0], "an .xlsx is a zip");
        String csv = get(open, "/export.csv?rule=R-CONT-01").body();
        assertEquals(3, csv.lines().count(), "a header and the two carry-over alerts:\n" + csv);

        HttpResponse<String> page = get(open, "/");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(400, get(open, "/?severity=LOUD").statusCode());
        assertEquals(404, get(open, "/report?id=" + enc("<nope>")).statusCode());
        assertTrue(get(open, "/report?id=" + enc("<nope>")).body().contains("&lt;nope&gt;"));
    }

    @Test
    void aReviewNeedsTheFormsCsrfTokenAndWhereConfiguredTheAccessToken() throws Exception {
        String key = contCellKey();
        String form = "key=" + enc(key) + "&action=ACKNOWLEDGE&reviewer=it&comment=" + enc("看过了");
        assertEquals(403, post(open, form).statusCode(), "no CSRF token, no review");
        assertEquals(403, post(open, form + "&csrf=forged", "Cookie", Csrf.COOKIE + "=abc").statusCode());

        // As a browser does it: the alert page sets the session cookie and carries the token.
        HttpResponse<String> page = get(open, "/alert?key=" + enc(key));
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(m.find(), page.body());
        HttpResponse<String> ok = post(open, form + "&csrf=" + enc(m.group(1)), "Cookie", cookie);
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("/alert?key=" + enc(key), ok.headers().firstValue("Location").orElse(""));

        // Where a token is configured, a review without it is refused; with it (an API client) no cookie is needed.
        assertEquals(401, post(guarded, form).statusCode());
        assertEquals(401, post(guarded, form, "Authorization", "Bearer wrong-token-0000000000").statusCode());
        assertEquals(303, post(guarded, "key=" + enc(key) + "&action=REOPEN&reviewer=api", "Authorization", "Bearer " + TOKEN).statusCode());

        // Both decisions are on the reviews topic, keyed by the alert's agency (like the reports), with the values they were made on.
        AvroSerde<AlertReview> serde = new AvroSerde<>(AlertReview.class, SchemaRegistryClient.connect(config.schemaRegistryUrl()), false);
        List<AlertReview> recorded = new java.util.ArrayList<>();
        TopicReader.readToEnd(config.clientProperties(), topics.reviews(), serde.deserializer(), r -> {
            assertEquals("北京市朝阳区金盏乡人民政府", r.key());
            assertEquals(key, r.value().getAlertKey());
            recorded.add(r.value());
        });
        assertEquals(List.of("ACKNOWLEDGE:it:看过了", "REOPEN:api:"),
                recorded.stream().map(r -> r.getAction() + ":" + r.getReviewer() + ":" + r.getComment()).toList());
        assertEquals("3", recorded.get(0).getExpected());
        assertEquals("2", recorded.get(0).getActual());
    }

    @Test
    void theEventStreamSendsTheCountsAtOnce() throws Exception {
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(open.url().resolve("/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", events.headers().firstValue("Content-Type").orElse(""));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            assertEquals("retry: 2000", in.readLine());
            assertEquals("event: counts", in.readLine());
            JsonNode counts = new ObjectMapper().readTree(in.readLine().substring("data: ".length())).get("counts");
            assertTrue(counts.get("ERROR").asLong() >= 2, counts.toString());
        }
    }
}
