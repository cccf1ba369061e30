package gongkai.config;

import java.util.Locale;

import gongkai.serde.RegistrySettings;

/**
 * Which settings are secrets, and how they look when printed: a password, a JAAS config (it holds
 * the SASL password), the registry's basic-auth user info or bearer token become {@value #MASK}; a
 * {@code user:password@} in any URL becomes {@code ****@}.
 */
public final class Secrets {
    public static final String MASK = "[hidden]";

    private Secrets() {
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.endsWith("password") || k.endsWith("sasl.jaas.config") || k.endsWith("basic.auth.user.info")
                || k.endsWith("bearer.auth.token") || k.contains("secret") || k.endsWith("ssl.keystore.key")
                || k.endsWith("ssl.keystore.certificate.chain");
    }

    /** The value as it may be printed. */
    public static String mask(String key, String value) {
        if (value == null) {
            return null;
        }
        return isSecret(key) ? MASK : RegistrySettings.redact(value);
    }

    /** A message (an exception's, a log line) with credentials in URLs removed. */
    public static String redact(String message) {
        return RegistrySettings.redact(message);
    }
}
