package gongkai.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Where the dashboard listens and who may post reviews. Port 0 takes any free port. */
public record DashboardOptions(String host, int port, Access access) {
    public static final String LOOPBACK = "127.0.0.1";

    public DashboardOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a TCP port");
        }
        if (!loopback(host) && !access.required()) {
            throw new IllegalArgumentException("binding the dashboard to " + host + " makes it reachable from other machines: "
                    + "give a token (--token-file or GONGKAI_DASHBOARD_TOKEN) or basic auth (--basic-auth-file) for the review actions");
        }
    }

    public static DashboardOptions local(int port) {
        return new DashboardOptions(LOOPBACK, port, Access.open());
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot bind the dashboard to " + host + ": unknown host", e);
        }
    }
}
