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
 * Fetches a URL the way a guest should: one request at a time per host with a pause between them,
 * a time limit per attempt, a few retries with growing waits (longer if the server says so in
 * Retry-After) on network errors, 429 and 5xx, a bounded number of redirects (each hop paced and
 * checked to stay on http/https), and a cap on the body size. Only 2xx bodies are returned.
 */
public final class PoliteFetcher {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/pdf,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword;q=0.9,*/*;q=0.8";

    private final FetchPolicy policy;
    private final HttpClient client;
    private final HostPacer pacer;

    public PoliteFetcher(FetchPolicy policy) {
        this.policy = policy;
        // Redirects are followed here, not by the client, so that every hop is paced, counted and scheme-checked.
        this.client = HttpClient.newBuilder().connectTimeout(policy.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.pacer = new HostPacer(policy.perHostDelay());
    }

    public FetchPolicy policy() {
        return policy;
    }

    public Fetched fetch(URI url) throws FetchException, InterruptedException {
        URI current = requireHttp(url);
        for (int redirects = 0; ; redirects++) {
            HttpResponse<CappedBody.Result> r = fetchWithRetries(current);
            int status = r.statusCode();
            if (isRedirect(status)) {
                if (redirects >= policy.maxRedirects()) {
                    throw new FetchException("more than " + policy.maxRedirects() + " redirects");
                }
                String location = r.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchException("HTTP " + status + " redirect without a Location"));
                current = requireHttp(resolve(current, location));
                continue;
            }
            if (status < 200 || status > 299) {
                throw new FetchException("HTTP " + status);
            }
            if (r.body().tooLarge()) {
                throw new FetchException("too large: more than " + sizeText(policy.maxBytes()));
            }
            return new Fetched(current, r.headers().firstValue("Content-Type").orElse(null), r.body().bytes());
        }
    }

    private HttpResponse<CappedBody.Result> fetchWithRetries(URI url) throws FetchException, InterruptedException {
        for (int retry = 0; ; retry++) {
            String problem;
            Duration wait = policy.backoff(retry);
            try {
                HttpResponse<CappedBody.Result> r = attempt(url);
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
                problem = describe(e);
            }
            if (retry >= policy.retries()) {
                throw new FetchException(retry == 0 ? problem : problem + " (" + (retry + 1) + " attempts)");
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private HttpResponse<CappedBody.Result> attempt(URI url) throws IOException, InterruptedException, FetchException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url).timeout(policy.timeout()).header("User-Agent", policy.userAgent())
                    .header("Accept", ACCEPT).GET().build();
        } catch (IllegalArgumentException e) {
            throw new FetchException("not a URL that can be requested: " + e.getMessage());
        }
        pacer.awaitTurn(url);
        CompletableFuture<HttpResponse<CappedBody.Result>> response = null;
        try {
            response = client.sendAsync(request, CappedBody.handler(policy.maxBytes()));
            // The request timeout covers only the headers; this one also covers a body that trickles in.
            return response.get(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
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

    private String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + durationText(policy.timeout());
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out after " + durationText(policy.timeout());
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
