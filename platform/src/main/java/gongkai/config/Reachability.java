package gongkai.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import gongkai.serde.RestSchemaRegistryClient;
import gongkai.serde.SchemaRegistryClient;
import gongkai.serde.SchemaRegistryException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Checks, before a command starts its clients, that the cluster and the registry answer, within
 * {@link MonitorConfig#connectTimeout()}. Kafka's clients would otherwise retry an unreachable
 * broker for a minute, a wrong password forever in a stream thread, logging a warning a second;
 * here a command fails once, naming the address and what to check.
 */
public final class Reachability {
    private Reachability() {
    }

    /** Both the Kafka cluster and (unless it is the in-process {@code mock://} one) the registry. */
    public static void check(MonitorConfig config) {
        checkKafka(config);
        checkRegistry(config.registryClient(), config.connectTimeout());
    }

    /**
     * A TCP connection to a bootstrap server, then a Kafka request through the configured security
     * (TLS, SASL), then a TCP connection to every broker the cluster advertises: each step fails with
     * its own message.
     */
    public static void checkKafka(MonitorConfig config) {
        Duration timeout = config.connectTimeout();
        Instant deadline = Instant.now().plus(timeout);
        String bootstrap = config.bootstrapServers();
        Map<String, Object> clients = config.clientProperties();
        String security = describeSecurity(clients);
        List<String> failures = new ArrayList<>();
        boolean anyAnswered = false;
        for (String address : bootstrap.split(",")) {
            String problem = tcpProblem(address.trim(), deadline);
            if (problem == null) {
                anyAnswered = true;
                break;
            }
            failures.add(address.trim() + ": " + problem);
        }
        if (!anyAnswered) {
            throw new UnreachableException("cannot reach the Kafka cluster at " + bootstrap + " within " + seconds(timeout) + " ("
                    + String.join("; ", failures) + ")", null);
        }
        Map<String, Object> p = new HashMap<>(clients);
        int ms = (int) Math.max(1000, Duration.between(Instant.now(), deadline).toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, "gongkai-reachability");
        Collection<Node> nodes;
        try (Admin admin = Admin.create(p)) {
            nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).nodes().get(ms + 1000L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw kafkaFailure(bootstrap, security, timeout, e.getCause());
        } catch (TimeoutException e) {
            throw kafkaFailure(bootstrap, security, timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("interrupted while connecting to the Kafka cluster at " + bootstrap, e);
        }
        for (Node n : nodes) {
            String problem = tcpProblem(n.host() + ":" + n.port(), deadline.plusSeconds(1));
            if (problem != null) {
                throw new UnreachableException("the Kafka cluster at " + bootstrap + " answered, but broker " + n.id() + " advertises "
                        + n.host() + ":" + n.port() + ", which cannot be reached from here (" + problem + "): its advertised.listeners "
                        + "must name an address clients can reach", null);
            }
        }
    }

    /** A request to the registry: unreachable, a TLS failure or refused credentials end the command. */
    public static void checkRegistry(SchemaRegistryClient registry, Duration timeout) {
        if (!(registry instanceof RestSchemaRegistryClient rest)) {
            return;
        }
        try {
            rest.checkReachable();
        } catch (SchemaRegistryException e) {
            if (e.isUnreachable() || e.httpStatus() == 401 || e.httpStatus() == 403) {
                throw new UnreachableException(e.getMessage() + (e.isUnreachable() ? " (waited up to " + seconds(timeout) + ")" : ""), e);
            }
            throw e;
        }
    }

    private static UnreachableException kafkaFailure(String bootstrap, String security, Duration timeout, Throwable cause) {
        if (cause instanceof AuthenticationException) {
            return new UnreachableException("the Kafka cluster at " + bootstrap + " (" + security + ") refused this client: "
                    + cause.getMessage() + " (check sasl.jaas.config, sasl.mechanism and ssl.truststore.*)", cause);
        }
        if (cause instanceof AuthorizationException) {
            return new UnreachableException("the Kafka cluster at " + bootstrap + " (" + security + ") does not allow this principal to describe it: "
                    + cause.getMessage(), cause);
        }
        return new UnreachableException("the Kafka cluster at " + bootstrap + " (" + security + ") accepted a connection but did not answer "
                + "as a Kafka broker within " + seconds(timeout) + ": is security.protocol the one its listener speaks?"
                + (cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    private static String describeSecurity(Map<String, Object> clients) {
        Object protocol = clients.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
        Object mechanism = clients.get("sasl.mechanism");
        return "security.protocol=" + protocol + (protocol.toString().startsWith("SASL") ? ", sasl.mechanism=" + (mechanism == null ? "GSSAPI" : mechanism) : "");
    }

    /** Null if a TCP connection to host:port opens before the deadline, else why not. */
    private static String tcpProblem(String address, Instant deadline) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            return "not host:port";
        }
        String host = address.substring(0, colon).replaceAll("^\\[|]$", "");
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            return "not host:port";
        }
        int ms = (int) Math.max(100, Duration.between(Instant.now(), deadline).toMillis());
        try (Socket s = new Socket()) {
            InetSocketAddress target = new InetSocketAddress(host, port);
            if (target.isUnresolved()) {
                return "unknown host " + host;
            }
            s.connect(target, ms);
            return null;
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within " + ms + " ms";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
