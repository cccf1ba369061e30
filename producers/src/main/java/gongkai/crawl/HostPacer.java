package gongkai.crawl;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Keeps requests to one host apart: the next request to a host starts no earlier than the delay
 * after the previous one finished. Counting from the end rather than the start means a slow server
 * gets a pause too, not a request queued right behind its slow answer.
 */
final class HostPacer {
    private final long delayNanos;
    private final Map<String, Long> nextAllowed = new HashMap<>();
    /** Longer delays a host asked for (robots.txt Crawl-delay). */
    private final Map<String, Long> hostDelayNanos = new HashMap<>();
    private final Set<String> busy = new HashSet<>();

    HostPacer(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Blocks until the host may be asked again, then holds it until {@link #finished}. */
    synchronized void awaitTurn(URI url) throws InterruptedException {
        String host = host(url);
        while (true) {
            if (busy.contains(host)) {
                wait();
                continue;
            }
            Long allowed = nextAllowed.get(host);
            long waitNanos = allowed == null ? 0 : allowed - System.nanoTime();
            if (waitNanos <= 0) {
                busy.add(host);
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, waitNanos);
        }
    }

    /** Records that the request to the host finished, successfully or not. */
    synchronized void finished(URI url) {
        String host = host(url);
        busy.remove(host);
        nextAllowed.put(host, System.nanoTime() + Math.max(delayNanos, hostDelayNanos.getOrDefault(host, 0L)));
        notifyAll();
    }

    /** Keeps at least {@code delay} between requests to this host from now on, when that is longer than the usual delay. */
    synchronized void atLeast(URI url, Duration delay) {
        hostDelayNanos.merge(host(url), delay.toNanos(), Math::max);
    }

    private static String host(URI url) {
        return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    }
}
