package gongkai.local;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a secured embedded broker is set up, as an office's cluster would be: clients connect over
 * {@code SASL_SSL} with SCRAM-SHA-512 users (created when the log directory is formatted), TLS from
 * {@link LocalPki}, and KRaft's {@code StandardAuthorizer} denies what no ACL allows. The broker's own
 * user (inter-broker traffic over the same listener, PLAIN on the loopback-only controller listener)
 * and the given super users bypass ACLs.
 *
 * @param users      SCRAM users, name to password
 * @param superUsers names of users that bypass ACLs (e.g. the operator who creates topics and ACLs)
 */
public record BrokerSecurity(LocalPki pki, Map<String, String> users, Set<String> superUsers, String brokerPassword) {
    public static final String LISTENER = "SASL_SSL";
    public static final String MECHANISM = "SCRAM-SHA-512";
    static final String BROKER_USER = "broker";

    public BrokerSecurity {
        users = Map.copyOf(users);
        superUsers = Set.copyOf(superUsers);
    }

    public static BrokerSecurity of(LocalPki pki, Map<String, String> users, Set<String> superUsers) {
        return new BrokerSecurity(pki, users, superUsers, UUID.randomUUID().toString());
    }

    /** The client settings a user of this broker gives: what goes in the monitor's config file or {@code KAFKA_*} env. */
    public Map<String, Object> clientProperties(String user) {
        String password = user.equals(BROKER_USER) ? brokerPassword : users.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no such user on the test broker: " + user);
        }
        return clientProperties(user, password);
    }

    /** As {@link #clientProperties(String)} with any password (a wrong one, to test refusal). */
    public Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", scramJaas(user, password));
        p.put("ssl.truststore.location", pki.truststore().toString());
        p.put("ssl.truststore.password", pki.password());
        p.put("ssl.truststore.type", LocalPki.STORE_TYPE);
        return p;
    }

    /** {@code SCRAM-SHA-512=[name=…,password=…]} for every user, as {@code kafka-storage format --add-scram} takes them. */
    List<String> scramArguments() {
        Map<String, String> all = new HashMap<>(users);
        all.put(BROKER_USER, brokerPassword);
        return all.entrySet().stream().map(e -> MECHANISM + "=[name=" + e.getKey() + ",password=" + e.getValue() + "]").toList();
    }

    /** Broker settings replacing the open PLAINTEXT listener. */
    Map<String, String> brokerProperties(int brokerPort, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("listeners", LISTENER + "://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", LISTENER + "://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", LISTENER + ":SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", LISTENER);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramJaas(BROKER_USER, brokerPassword));
        // The controller listener cannot use SCRAM (its credentials live in the metadata it serves): PLAIN, broker only.
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + BROKER_USER + "\" password=\"" + brokerPassword + "\" user_" + BROKER_USER + "=\"" + brokerPassword + "\";");
        p.put("ssl.keystore.location", pki.keystore().toString());
        p.put("ssl.keystore.password", pki.password());
        p.put("ssl.keystore.type", LocalPki.STORE_TYPE);
        p.put("ssl.truststore.location", pki.truststore().toString());
        p.put("ssl.truststore.password", pki.password());
        p.put("ssl.truststore.type", LocalPki.STORE_TYPE);
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", java.util.stream.Stream.concat(Set.of(BROKER_USER).stream(), superUsers.stream())
                .map(u -> "User:" + u).collect(Collectors.joining(";")));
        return p;
    }

    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }
}
