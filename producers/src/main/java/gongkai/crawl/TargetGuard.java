package gongkai.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Keeps the crawler off its own network. Links and redirects come from pages nobody here wrote: a
 * listing that links to {@code http://127.0.0.1:8081/subjects} or {@code http://10.0.0.5/admin}
 * would otherwise make the crawler request them and submit the answer. Every address a host name
 * resolves to must be public; one that is not refuses the whole host.
 * <p>
 * The HTTP client resolves the name again when it connects, so a name whose DNS answer changes
 * between the two look-ups (DNS rebinding) is not stopped here; a deployment that must exclude that
 * too runs the crawler where private networks are not routable (a network policy or a proxy).
 */
final class TargetGuard {
    private TargetGuard() {
    }

    static void check(URI url) throws FetchException {
        String host = url.getHost();
        if (host == null) {
            throw new FetchException("not an http(s) URL");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException("unknown host " + host);
        }
        for (InetAddress a : addresses) {
            Optional<String> kind = nonPublic(a);
            if (kind.isPresent()) {
                throw new FetchException("refused: " + host + (host.equals(a.getHostAddress()) ? "" : " (" + a.getHostAddress() + ")")
                        + " is a " + kind.get() + " address; the crawler fetches only from public addresses unless private targets are allowed");
            }
        }
    }

    /** What kind of non-public address this is, or empty for a public one. */
    static Optional<String> nonPublic(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (a.isAnyLocalAddress()) {
            return Optional.of("wildcard");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (a.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return Optional.of("\"this network\"");
            }
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("shared (carrier-grade NAT)");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("benchmarking");
            }
            if (first >= 240) {
                return Optional.of("reserved");
            }
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique local");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("site-local");
            }
        }
        return Optional.empty();
    }
}
