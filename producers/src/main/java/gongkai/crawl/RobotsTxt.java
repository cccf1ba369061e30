package gongkai.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * The robots.txt rules of each site (scheme, host and port), read once per crawl with
 * crawler-commons' parser (RFC 9309: groups matched by the crawler's product token, longest match
 * wins, Allow over Disallow on ties). What an unreadable robots.txt means follows RFC 9309 too: a
 * 4xx answer means there are no rules; a 5xx answer or no answer means the whole site is off limits
 * for now, because its operator's wishes cannot be known.
 */
final class RobotsTxt {
    /** Google's limit too: rules past it are ignored rather than the file being refused. */
    static final long MAX_BYTES = 500 * 1024;

    /** What fetching a site's robots.txt gave: a 2xx body, or the status of a failure (0 for no answer at all). */
    record Answer(int status, byte[] body, String contentType, String failure) {
        static Answer unreachable(String why) {
            return new Answer(0, null, null, why);
        }
    }

    /** Fetches robots.txt from a site; supplied by the fetcher so that it is paced, capped and guarded like any request. */
    interface Loader {
        Answer load(URI robotsUrl) throws InterruptedException;
    }

    /** A site's rules and, when the site refuses every URL, why (for the one-line failure). */
    record Rules(BaseRobotRules rules, String refusal) {
        boolean allows(URI url) {
            return refusal == null && rules.isAllowed(url.toString());
        }

        /** The Crawl-delay the site asks for, if any. */
        Duration crawlDelay() {
            long ms = rules.getCrawlDelay();
            return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
        }
    }

    private final String robotName;
    private final Duration maxCrawlDelay;
    private final Map<String, Rules> bySite = new ConcurrentHashMap<>();

    RobotsTxt(String robotName, Duration maxCrawlDelay) {
        this.robotName = robotName;
        this.maxCrawlDelay = maxCrawlDelay;
    }

    Rules rulesFor(URI url, Loader loader) throws InterruptedException {
        String site = site(url);
        Rules known = bySite.get(site);
        if (known != null) {
            return known;
        }
        Rules rules = read(URI.create(site + "/robots.txt"), loader);
        bySite.put(site, rules);
        return rules;
    }

    private Rules read(URI robotsUrl, Loader loader) throws InterruptedException {
        Answer a = loader.load(robotsUrl);
        if (a.status() >= 200 && a.status() <= 299) {
            SimpleRobotRulesParser parser = new SimpleRobotRulesParser(maxCrawlDelay.toMillis(), 5);
            SimpleRobotRules rules = parser.parseContent(robotsUrl.toString(), a.body(), a.contentType(), List.of(robotName));
            if (rules.isAllowNone() && rules.getRobotRules().isEmpty()) {
                // crawler-commons answers a Crawl-delay over the maximum with "nothing allowed" and no rules
                return new Rules(rules, "robots.txt asks for a Crawl-delay over " + PoliteFetcher.durationText(maxCrawlDelay));
            }
            return new Rules(rules, null);
        }
        if (a.status() >= 400 && a.status() <= 499) {
            return new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null);
        }
        String why = a.status() == 0 ? a.failure() : "HTTP " + a.status();
        return new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
                "robots.txt could not be read (" + why + "): the site is not crawled until it can");
    }

    private static String site(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
