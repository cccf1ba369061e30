package gongkai.crawl;

import java.time.Duration;

/**
 * How politely and patiently to fetch.
 *
 * @param perHostDelay   pause between the end of one request to a host and the start of the next
 * @param timeout        limit for one attempt: connecting, and receiving the whole response
 * @param retries        further attempts after a network error, a timeout, 429 or 5xx
 * @param firstBackoff   wait before the first retry; doubles with each further one
 * @param maxBackoff     longest wait between attempts; a server asking (Retry-After) for longer is given up on
 * @param maxBytes       largest response body accepted
 * @param maxRedirects   redirects followed from one URL
 */
public record FetchPolicy(Duration perHostDelay, Duration timeout, int retries, Duration firstBackoff, Duration maxBackoff,
                          long maxBytes, int maxRedirects, String userAgent) {

    public static final String USER_AGENT = "GongkaiMonitor/0.1.0 (annual report compliance monitor; polite crawler)";

    public FetchPolicy {
        if (perHostDelay.isNegative() || timeout.isNegative() || timeout.isZero() || retries < 0 || firstBackoff.isNegative()
                || maxBackoff.compareTo(firstBackoff) < 0 || maxBytes <= 0 || maxRedirects < 0) {
            throw new IllegalArgumentException("invalid fetch policy: " + this);
        }
    }

    public static FetchPolicy defaults() {
        return new FetchPolicy(Duration.ofSeconds(1), Duration.ofSeconds(20), 3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                gongkai.parse.ReportParser.DEFAULT_MAX_BYTES, 5, USER_AGENT);
    }

    public FetchPolicy withPerHostDelay(Duration d) {
        return new FetchPolicy(d, timeout, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent);
    }

    public FetchPolicy withTimeout(Duration t) {
        return new FetchPolicy(perHostDelay, t, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent);
    }

    public FetchPolicy withRetries(int r) {
        return new FetchPolicy(perHostDelay, timeout, r, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent);
    }

    public FetchPolicy withBackoff(Duration first, Duration max) {
        return new FetchPolicy(perHostDelay, timeout, retries, first, max, maxBytes, maxRedirects, userAgent);
    }

    public FetchPolicy withMaxBytes(long n) {
        return new FetchPolicy(perHostDelay, timeout, retries, firstBackoff, maxBackoff, n, maxRedirects, userAgent);
    }

    /** The wait before retry number {@code retry} (0 for the first): doubling from firstBackoff, at most maxBackoff. */
    Duration backoff(int retry) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(retry, 30));
        return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
    }
}
