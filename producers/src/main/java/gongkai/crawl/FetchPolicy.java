package gongkai.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * How politely and patiently to fetch.
 *
 * @param perHostDelay        pause between the end of one request to a host and the start of the next
 *                            (longer when the site's robots.txt asks for a longer Crawl-delay)
 * @param timeout             limit for one attempt: connecting, and receiving the whole response
 * @param retries             further attempts after a network error, a timeout, 429 or 5xx
 * @param firstBackoff        wait before the first retry; doubles with each further one
 * @param maxBackoff          longest wait between attempts; a server asking (Retry-After) for longer is given up on,
 *                            and so is a site whose robots.txt asks for a longer Crawl-delay
 * @param maxBytes            largest response body accepted
 * @param maxRedirects        redirects followed from one URL
 * @param userAgent           the User-Agent header; its product token (before the '/') is the name robots.txt groups are matched against
 * @param maxTimePerDocument  limit for one document, every attempt, backoff and redirect included
 * @param obeyRobotsTxt       read each site's robots.txt and fetch nothing it disallows for this user agent
 * @param allowPrivateTargets fetch from loopback, private, link-local and other non-public addresses too (tests, intranets)
 */
public record FetchPolicy(Duration perHostDelay, Duration timeout, int retries, Duration firstBackoff, Duration maxBackoff,
                          long maxBytes, int maxRedirects, String userAgent, Duration maxTimePerDocument,
                          boolean obeyRobotsTxt, boolean allowPrivateTargets) {

    public static final String PRODUCT = "GongkaiMonitor/0.1.0";
    public static final String USER_AGENT = PRODUCT + " (annual report compliance monitor; polite crawler)";

    public FetchPolicy {
        if (perHostDelay.isNegative() || timeout.isNegative() || timeout.isZero() || retries < 0 || firstBackoff.isNegative()
                || maxBackoff.compareTo(firstBackoff) < 0 || maxBytes <= 0 || maxRedirects < 0 || maxTimePerDocument.isNegative()
                || maxTimePerDocument.isZero() || userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("invalid fetch policy: " + this);
        }
    }

    /** Robots.txt obeyed, non-public addresses refused: what a crawler let loose on links it did not choose needs. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(Duration.ofSeconds(1), Duration.ofSeconds(20), 3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                gongkai.parse.ReportParser.DEFAULT_MAX_BYTES, 5, USER_AGENT, Duration.ofMinutes(2), true, false);
    }

    /**
     * The User-Agent a site operator can act on: the monitor's product token and a URL (or mail address) to reach
     * whoever runs this crawler, as webmasters ask of crawlers ({@code GongkaiMonitor/0.1.0 (+https://…)}).
     */
    public static String userAgent(String operator, String contact) {
        if (contact == null || contact.isBlank()) {
            return USER_AGENT;
        }
        String c = contact.strip();
        boolean url = c.startsWith("http://") || c.startsWith("https://");
        if (url) {
            URI.create(c);
        } else if (!c.matches("(mailto:)?[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("contact is neither an http(s) URL nor a mail address: " + c);
        }
        String who = operator == null || operator.isBlank() ? "" : "; " + operator.strip();
        return PRODUCT + " (+" + c + who + "; annual report compliance monitor)";
    }

    /** The name robots.txt rules are matched against: the product token of the User-Agent, lower case. */
    public String robotName() {
        String token = userAgent.strip().split("[/\\s]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    public FetchPolicy withPerHostDelay(Duration d) {
        return new FetchPolicy(d, timeout, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent, maxTimePerDocument,
                obeyRobotsTxt, allowPrivateTargets);
    }

    public FetchPolicy withTimeout(Duration t) {
        return new FetchPolicy(perHostDelay, t, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent, maxTimePerDocument,
                obeyRobotsTxt, allowPrivateTargets);
    }

    public FetchPolicy withRetries(int r) {
        return new FetchPolicy(perHostDelay, timeout, r, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent, maxTimePerDocument,
                obeyRobotsTxt, allowPrivateTargets);
    }

    public FetchPolicy withBackoff(Duration first, Duration max) {
        return new FetchPolicy(perHostDelay, timeout, retries, first, max, maxBytes, maxRedirects, userAgent, maxTimePerDocument,
                obeyRobotsTxt, allowPrivateTargets);
    }

    public FetchPolicy withMaxBytes(long n) {
        return new FetchPolicy(perHostDelay, timeout, retries, firstBackoff, maxBackoff, n, maxRedirects, userAgent, maxTimePerDocument,
                obeyRobotsTxt, allowPrivateTargets);
    }

    public FetchPolicy withUserAgent(String ua) {
        return new FetchPolicy(perHostDelay, timeout, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, ua, maxTimePerDocument,
                obeyRobotsTxt, allowPrivateTargets);
    }

    public FetchPolicy withMaxTimePerDocument(Duration d) {
        return new FetchPolicy(perHostDelay, timeout, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent, d,
                obeyRobotsTxt, allowPrivateTargets);
    }

    /** For a URL a person names on the command line (not a link found on a page): robots.txt governs crawlers, not this. */
    public FetchPolicy ignoringRobotsTxt() {
        return new FetchPolicy(perHostDelay, timeout, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent, maxTimePerDocument,
                false, allowPrivateTargets);
    }

    /** Allows loopback and private addresses: for tests against 127.0.0.1 and for an office crawling its own intranet on purpose. */
    public FetchPolicy allowingPrivateTargets() {
        return new FetchPolicy(perHostDelay, timeout, retries, firstBackoff, maxBackoff, maxBytes, maxRedirects, userAgent, maxTimePerDocument,
                obeyRobotsTxt, true);
    }

    /** The wait before retry number {@code retry} (0 for the first): doubling from firstBackoff, at most maxBackoff. */
    Duration backoff(int retry) {
        Duration d = firstBackoff.multipliedBy(1L << Math.min(retry, 30));
        return d.compareTo(maxBackoff) > 0 || d.isNegative() ? maxBackoff : d;
    }
}
