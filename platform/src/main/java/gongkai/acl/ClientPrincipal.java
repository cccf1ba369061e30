package gongkai.acl;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The principal a Kafka client will authenticate as, read from its own settings: {@code User:<username>}
 * of a SASL/PLAIN or SCRAM login ({@code username="…"} in {@code sasl.jaas.config}), or of a Kerberos
 * login ({@code principal="…"}). Null on an open cluster or when the settings do not say (OAuth, TLS client
 * certificates). Recorded on each submission so the history says which account wrote it.
 */
public final class ClientPrincipal {
    private static final Pattern USERNAME = Pattern.compile("\\b(?:username|principal)\\s*=\\s*\"([^\"]+)\"");

    private ClientPrincipal() {
    }

    public static String of(Map<String, ?> clientSettings) {
        Object protocol = clientSettings.get("security.protocol");
        Object jaas = clientSettings.get("sasl.jaas.config");
        if (protocol == null || !protocol.toString().toUpperCase(java.util.Locale.ROOT).startsWith("SASL") || jaas == null) {
            return null;
        }
        // A Password object's toString() is "[hidden]": take its value through the public accessor.
        String text = jaas instanceof org.apache.kafka.common.config.types.Password p ? p.value() : jaas.toString();
        Matcher m = USERNAME.matcher(text);
        return m.find() ? "User:" + m.group(1) : null;
    }
}
