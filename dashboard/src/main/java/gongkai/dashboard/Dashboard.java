package gongkai.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewAction;
import gongkai.config.MonitorConfig;
import gongkai.review.ReviewPublisher;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryClient;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import gongkai.watch.AlertFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervising office's web dashboard: the JDK's HTTP server over a {@link LiveView} of the topics.
 * Pages are rendered on the server; the one script only follows the live events and draws the
 * continuity links. Every asset is served from here (no CDN: there is no internet where it runs).
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final int MAX_FORM_BYTES = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService pool;
    private final LiveView view;
    private final ViewState state;
    private final EventHub hub;
    private final ReviewPublisher reviews;
    private final Csrf csrf = new Csrf();
    private final Access access;
    private volatile boolean closing;

    private Dashboard(HttpServer server, ExecutorService pool, LiveView view, ViewState state, EventHub hub, ReviewPublisher reviews, Access access) {
        this.server = server;
        this.pool = pool;
        this.view = view;
        this.state = state;
        this.hub = hub;
        this.reviews = reviews;
        this.access = access;
    }

    /** Creates missing topics, starts reading them and serves the dashboard. */
    public static Dashboard start(MonitorConfig config, Topics topics, DashboardOptions options) {
        ComplianceApp.createTopics(config, topics);
        SchemaRegistryClient registry = config.registryClient();
        MonitorSerdes serdes = MonitorSerdes.using(registry, config.autoRegisterSchemas());
        AvroSerde<AlertReview> reviewSerde = new AvroSerde<>(AlertReview.class, registry, config.autoRegisterSchemas());
        Map<String, Object> clients = config.clientProperties();
        ViewState state = new ViewState();
        EventHub hub = new EventHub(() -> Counts.of(state.openAlerts()));
        LiveView view = new LiveView(clients, topics, serdes, reviewSerde, state, hub);
        ReviewPublisher publisher = new ReviewPublisher(clients, topics.reviews(), reviewSerde);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 50);
        } catch (IOException e) {
            publisher.close();
            view.close();
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage()
                    + " (another program uses the port? choose one with --port)", e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(EventHub.MAX_SUBSCRIBERS + 8, r -> {
            Thread t = new Thread(r, "dashboard-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Dashboard d = new Dashboard(server, pool, view, state, hub, publisher, options.access());
        server.createContext("/", d::handle);
        server.setExecutor(pool);
        view.start();
        server.start();
        log.info("dashboard on {} (review actions: {})", d.url(), options.access());
        return d;
    }

    public URI url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    /** Waits until the view has read what the topics held when it started. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return view.awaitReady(timeout);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } finally {
            ex.close();
        }
    }

    private void route(HttpExchange ex) throws IOException {
        try {
            securityHeaders(ex);
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String method = ex.getRequestMethod();
            if (method.equals("POST")) {
                if (path.equals("/review")) {
                    review(ex);
                } else {
                    send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                }
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> p = AlertQuery.params(query);
            switch (path) {
                case "/" -> html(ex, 200, OverviewPage.render(state.openAlerts(), AlertQuery.parse(query), view.ready()));
                case "/agencies" -> html(ex, 200, AgenciesPage.render(state));
                case "/agency" -> html(ex, 200, AgencyPage.render(state, require(p, "name")));
                case "/report" -> report(ex, require(p, "id"));
                case "/alert" -> alert(ex, require(p, "key"));
                case "/rejected" -> html(ex, 200, RejectedPage.render(state.rejections()));
                case "/export.csv" -> download(ex, "text/csv; charset=utf-8", "alerts.csv",
                        Exports.csv(AlertQuery.parse(query).apply(state.openAlerts())));
                case "/export.xlsx" -> download(ex, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "alerts.xlsx",
                        Exports.xlsx(AlertQuery.parse(query).apply(state.openAlerts())));
                case "/api/alerts" -> json(ex, AlertQuery.parse(query).apply(state.openAlerts()).stream().map(Dashboard::apiFields).toList());
                case "/api/counts" -> json(ex, Map.of("ready", view.ready(), "counts", Counts.of(state.openAlerts())));
                case "/events" -> events(ex);
                case "/static/app.css" -> asset(ex, "app.css", "text/css; charset=utf-8");
                case "/static/app.js" -> asset(ex, "app.js", "text/javascript; charset=utf-8");
                default -> html(ex, 404, message("未找到", "Not found", "没有这个页面 / no such page"));
            }
        } catch (BadRequest | IllegalArgumentException e) {
            html(ex, 400, message("请求有误", "Bad request", e.getMessage()));
        } catch (IOException e) {
            log.debug("dashboard connection closed: {}", e.toString());
        } catch (RuntimeException e) {
            log.error("dashboard failed on {}: {}", SafeText.forLog(ex.getRequestURI()), e.toString(), e);
            html(ex, 500, message("内部错误", "Internal error", "see the monitor's log"));
        }
    }

    private static String require(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            throw new BadRequest("missing parameter " + name);
        }
        return v;
    }

    private static String message(String zh, String en, String detail) {
        return Layout.page(zh, en, "message", "<h1>" + Html.both(zh, en) + "</h1><p>" + Html.text(detail) + "</p>");
    }

    private void report(HttpExchange ex, String id) throws IOException {
        DisclosureReport r = state.report(id).orElse(null);
        if (r == null) {
            html(ex, 404, message("未找到报告", "No such report", id));
        } else {
            html(ex, 200, ReportPage.render(state, r));
        }
    }

    private void alert(HttpExchange ex, String key) throws IOException {
        ComplianceAlert open = state.openAlert(key).orElse(null);
        ComplianceAlert a = open != null ? open : state.lastEvent(key).orElse(null);
        if (a == null) {
            html(ex, 404, message("未找到告警", "No such alert", key));
            return;
        }
        html(ex, 200, AlertPage.render(a, open != null, state.reviews(key), csrf.token(session(ex)), access.tokenField()));
    }

    /** The browser's session cookie; a new one is set if it has none. */
    private String session(HttpExchange ex) {
        String s = Csrf.session(ex.getRequestHeaders().get("Cookie"));
        if (s == null) {
            s = Csrf.newSession();
            ex.getResponseHeaders().add("Set-Cookie", Csrf.COOKIE + "=" + s + "; Path=/; HttpOnly; SameSite=Strict");
        }
        return s;
    }

    private void review(HttpExchange ex) throws IOException {
        Map<String, String> form = AlertQuery.params(readForm(ex));
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        boolean bearer = access.bearerMatches(authorization, form.get("token"));
        String basicUser = access.basicUser(authorization);
        if (access.required() && !bearer && basicUser == null) {
            if (access.basicUser() != null) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"gongkai-review\", charset=\"UTF-8\"");
            }
            html(ex, 401, message("需要登录", "Authentication required", "review actions need the dashboard's token or user"));
            return;
        }
        // A bearer token is never sent by a browser on its own; a cookie is, so cookie-based callers need the form's token.
        if (!(bearer && authorization != null) && !csrf.valid(Csrf.session(ex.getRequestHeaders().get("Cookie")), form.get("csrf"))) {
            html(ex, 403, message("请求无效", "Forbidden", "the form's CSRF token is missing or wrong: reload the alert page and submit again"));
            return;
        }
        String key = require(form, "key");
        ComplianceAlert alert = state.openAlert(key).orElseThrow(() -> new BadRequest("no standing alert " + key));
        ReviewAction action;
        try {
            action = ReviewAction.valueOf(require(form, "action"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("action must be ACKNOWLEDGE, DISMISS or REOPEN");
        }
        String reviewer = basicUser != null ? basicUser : form.getOrDefault("reviewer", "office");
        if (reviewer.length() > 100) {
            throw new BadRequest("reviewer longer than 100 characters");
        }
        AlertReview recorded = reviews.publish(ReviewPublisher.review(alert, action, form.get("comment"), reviewer, java.time.Instant.now()));
        state.review(recorded);
        log.info("review {} of {} by {}", action, SafeText.forLog(key), SafeText.forLog(reviewer));
        ex.getResponseHeaders().add("Location", "/alert?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        send(ex, 303, "text/plain; charset=utf-8", new byte[0]);
    }

    private static String readForm(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new BadRequest("form larger than " + MAX_FORM_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Server-sent events until the page closes: the counts at once, then every change. */
    private void events(HttpExchange ex) throws IOException {
        BlockingQueue<String> q = hub.subscribe();
        if (q == null) {
            send(ex, 503, "text/plain; charset=utf-8", "too many open pages".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            out.write(("retry: 2000\nevent: counts\ndata: " + Json.write(Map.of("counts", Counts.of(state.openAlerts()))) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closing) {
                String message = q.poll(15, TimeUnit.SECONDS);
                // A comment line every 15 s finds closed connections and keeps proxies from timing out.
                out.write((message != null ? message : ": ping\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.unsubscribe(q);
        }
    }

    private static Map<String, Object> apiFields(ComplianceAlert a) {
        Map<String, Object> f = AlertFormatter.fields(a);
        if (a.getReview() != null) {
            f.put("review", Map.of("action", a.getReview().getAction().name(), "reviewer", a.getReview().getReviewer(),
                    "comment", a.getReview().getComment(), "reviewedAt", a.getReview().getReviewedAt().toString()));
        }
        return f;
    }

    private static void securityHeaders(HttpExchange ex) {
        var h = ex.getResponseHeaders();
        // No inline script or style anywhere: report text that slipped through escaping still could not run.
        h.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "same-origin");
        h.set("X-Frame-Options", "DENY");
    }

    private static void html(HttpExchange ex, int status, String page) throws IOException {
        send(ex, status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(HttpExchange ex, Object value) throws IOException {
        send(ex, 200, "application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    private static void download(HttpExchange ex, String type, String name, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
        send(ex, 200, type, body);
    }

    private static void asset(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream("static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("asset " + name + " missing from the jar");
            }
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        server.stop(0);
        pool.shutdownNow();
        view.close();
        reviews.close();
    }
}
