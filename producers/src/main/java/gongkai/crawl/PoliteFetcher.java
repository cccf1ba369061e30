package gongkai.crawl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a URL the way a guest should: only what the site's robots.txt allows this user agent,
 * one request at a time per host with a pause between them (longer if robots.txt asks for a longer
 * Crawl-delay), a time limit per attempt and per document, a few retries with growing waits
 * (longer if the server says so in Retry-After) on network errors, 429 and 5xx, a bounded number of
 * redirects (each hop paced and checked to stay on http/https and off non-public addresses), a cap
 * on the body size, and conditional requests for documents fetched before. Only 2xx bodies (and
 * 304 for a conditional request) are returned.
 */
public final class PoliteFetcher {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/pdf,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword;q=0.9,*/*;q=0.8";

    private final FetchPolicy policy;
    private final HttpClient client;
    private final HostPacer pacer;
    private final RobotsTxt robots;

    public PoliteFetcher(FetchPolicy policy) {
        this.policy = policy;
        // Redirects are followed here, not by the client, so that every hop is paced, counted and checked.
        this.client = HttpClient.newBuilder().connectTimeout(policy.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.pacer = new HostPacer(policy.perHostDelay());
        this.robots = new RobotsTxt(policy.robotName(), policy.maxBackoff());
    }

    public FetchPolicy policy() {
        return policy;
    }

    public Fetched fetch(URI url) throws FetchException, InterruptedException {
        return fetch(url, Validators.NONE);
    }

    /**
     * Fetches a document, conditionally when validators from an earlier fetch are given: then an
     * unchanged document comes back as {@link Fetched#notModified()} without its body.
     */
    public Fetched fetch(URI url, Validators known) throws FetchException, InterruptedException {
        URI current = requireHttp(url);
        long deadline = 0;
        for (int redirects = 0; ; redirects++) {
            checkAllowed(current);
            if (redirects == 0) {
                // The clock starts after the first robots.txt look-up: that is the site's time, read once, not this document's.
                deadline = System.nanoTime() + policy.maxTimePerDocument().toNanos();
            }
            HttpResponse<CappedBody.Result> r = fetchWithRetries(current, known, policy.maxBytes(), deadline);
            int status = r.statusCode();
            if (isRedirect(status)) {
                if (redirects >= policy.maxRedirects()) {
                    throw new FetchException("more than " + policy.maxRedirects() + " redirects");
                }
                current = requireHttp(location(current, r));
                continue;
            }
            if (status == 304 && !known.isEmpty()) {
                return Fetched.notModified(current, known);
            }
            if (status < 200 || status > 299) {
                throw new FetchException("HTTP " + status);
            }
            if (r.body().tooLarge()) {
                throw new FetchException("too large: more than " + sizeText(policy.maxBytes()));
            }
            Validators validators = new Validators(r.headers().firstValue("ETag").orElse(null),
                    r.headers().firstValue("Last-Modified").orElse(null));
            return new Fetched(current, r.headers().firstValue("Content-Type").orElse(null), r.body().bytes(), validators, false);
        }
    }

    /** The address guard and the site's robots.txt, for one hop. */
    private void checkAllowed(URI url) throws FetchException, InterruptedException {
        if (!policy.allowPrivateTargets()) {
            TargetGuard.check(url);
        }
        if (policy.obeyRobotsTxt()) {
            RobotsTxt.Rules rules = robots.rulesFor(url, this::loadRobots);
            if (rules.refusal() != null) {
                throw new FetchException(rules.refusal());
            }
            if (!rules.allows(url)) {
                throw new FetchException("disallowed by robots.txt for " + policy.robotName());
            }
            if (rules.crawlDelay().compareTo(policy.perHostDelay()) > 0) {
                pacer.atLeast(url, rules.crawlDelay());
            }
        }
    }

    /** robots.txt, with its own redirects (RFC 9309 asks crawlers to follow at least five) and time limit. */
    private RobotsTxt.Answer loadRobots(URI robotsUrl) throws InterruptedException {
        // At least one whole attempt, however short the time allowed for a document: robots.txt is small but must be read.
        Duration limit = policy.maxTimePerDocument().compareTo(policy.timeout()) > 0 ? policy.maxTimePerDocument() : policy.timeout();
        long deadline = System.nanoTime() + limit.toNanos();
        URI current = robotsUrl;
        try {
            for (int redirects = 0; ; redirects++) {
                if (!policy.allowPrivateTargets()) {
                    TargetGuard.check(current);
                }
                HttpResponse<CappedBody.Result> r = fetchWithRetries(current, Validators.NONE, RobotsTxt.MAX_BYTES, deadline);
                if (isRedirect(r.statusCode()) && redirects < policy.maxRedirects()) {
                    current = requireHttp(location(current, r));
                    continue;
                }
                if (r.statusCode() >= 200 && r.statusCode() <= 299 && r.body().tooLarge()) {
                    return RobotsTxt.Answer.unreachable("more than " + sizeText(RobotsTxt.MAX_BYTES));
                }
                return new RobotsTxt.Answer(r.statusCode(), r.body().bytes(), r.headers().firstValue("Content-Type").orElse(null), null);
            }
        } catch (FetchException e) {
            return RobotsTxt.Answer.unreachable(e.getMessage());
        }
    }

    private HttpResponse<CappedBody.Result> fetchWithRetries(URI url, Validators known, long maxBytes, long deadline)
            throws FetchException, InterruptedException {
        for (int retry = 0; ; retry++) {
            String problem;
            Duration wait = policy.backoff(retry);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new FetchException(gaveUp());
            }
            Duration timeout = left.compareTo(policy.timeout()) < 0 ? left : policy.timeout();
            try {
                HttpResponse<CappedBody.Result> r = attempt(url, known, maxBytes, timeout);
                if (!isRetryable(r.statusCode())) {
                    return r;
                }
                problem = "HTTP " + r.statusCode();
                Optional<Duration> asked = retryAfter(r.headers());
                if (asked.isPresent() && asked.get().compareTo(policy.maxBackoff()) > 0) {
                    throw new FetchException(problem + ", and the server asks to come back after " + asked.get().toSeconds() + " s");
                }
                if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                    wait = asked.get();
                }
            } catch (IOException e) {
                problem = describe(e, timeout);
            }
            if (retry >= policy.retries()) {
                throw new FetchException(retry == 0 ? problem : problem + " (" + (retry + 1) + " attempts)");
            }
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                throw new FetchException(gaveUp() + " (" + (retry + 1) + (retry == 0 ? " attempt" : " attempts") + ", the last: " + problem + ")");
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private String gaveUp() {
        return "gave up after " + durationText(policy.maxTimePerDocument()) + ", the time allowed for one document";
    }

    private HttpResponse<CappedBody.Result> attempt(URI url, Validators known, long maxBytes, Duration timeout)
            throws IOException, InterruptedException, FetchException {
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", policy.userAgent())
                    .header("Accept", ACCEPT).GET();
            if (known.etag() != null) {
                b.header("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                b.header("If-Modified-Since", known.lastModified());
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a URL that can be requested: " + e.getMessage());
        }
        pacer.awaitTurn(url);
        CompletableFuture<HttpResponse<CappedBody.Result>> response = null;
        try {
            response = client.sendAsync(request, CappedBody.handler(maxBytes));
            // The request timeout covers only the headers; this one also covers a body that trickles in.
            return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("request timed out");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            if (response != null) {
                response.cancel(true);
            }
            pacer.finished(url);
        }
    }

    private static URI location(URI current, HttpResponse<?> r) throws FetchException {
        String location = r.headers().firstValue("Location")
                .orElseThrow(() -> new FetchException("HTTP " + r.statusCode() + " redirect without a Location"));
        return resolve(current, location);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean isRetryable(int status) {
        return status == 429 || (status >= 500 && status <= 599);
    }

    /** Retry-After as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String describe(IOException e, Duration timeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + durationText(timeout);
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + durationText(timeout);
        }
        if (e instanceof ConnectException) {
            return "cannot connect" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            return base.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("redirect to a malformed URL");
        }
    }

    private static URI requireHttp(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new FetchException("not an http(s) URL");
        }
        return url;
    }

    static String durationText(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s");
    }

    static String sizeText(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
