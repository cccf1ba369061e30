package gongkai.serde;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a secured schema registry, read from the settings Confluent's serializers take, so one
 * properties file serves both:
 * <ul>
 *   <li>{@code basic.auth.credentials.source}: {@code URL} (default: the {@code user:password@} of the URL, if any)
 *       or {@code USER_INFO} ({@code basic.auth.user.info=user:password}, also {@code schema.registry.basic.auth.user.info})</li>
 *   <li>{@code bearer.auth.credentials.source=STATIC_TOKEN} with {@code bearer.auth.token}</li>
 *   <li>{@code schema.registry.ssl.truststore.location/password/type} (a private CA) and
 *       {@code schema.registry.ssl.keystore.location/password/type}, {@code schema.registry.ssl.key.password} (client certificate)</li>
 * </ul>
 *
 * @param url           the registry URL without any credentials in it (safe to print)
 * @param authorization the {@code Authorization} header value, or null
 * @param tls           the TLS context for {@code https} URLs, or null for the JVM's default trust
 * @param timeout       how long to wait for a connection or an answer
 */
public record RegistrySettings(String url, String authorization, SSLContext tls, Duration timeout) {
    public static final String BASIC_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_USER_INFO = "basic.auth.user.info";
    public static final String BEARER_SOURCE = "bearer.auth.credentials.source";
    public static final String BEARER_TOKEN = "bearer.auth.token";
    public static final String SSL_PREFIX = "schema.registry.ssl.";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private static final Pattern URL_CREDENTIALS = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

    @Override
    public String toString() {
        return "RegistrySettings[url=" + url + ", authorization=" + (authorization == null ? "none" : "****") + ", tls="
                + (tls != null) + ", timeout=" + timeout + "]";
    }

    /** An open registry: no credentials, the JVM's trust. */
    public static RegistrySettings open(String url, Duration timeout) {
        return of(url, Map.of(), timeout);
    }

    /** @param config any map holding the settings above (the monitor's configuration, or Kafka Streams' originals) */
    public static RegistrySettings of(String url, Map<String, ?> config, Duration timeout) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("schema registry URL is not set (schema.registry.url / SCHEMA_REGISTRY_URL)");
        }
        URI parsed;
        try {
            parsed = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schema registry URL is not a URL: " + redact(url));
        }
        if (parsed.getScheme() == null || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https")) || parsed.getHost() == null) {
            throw new IllegalArgumentException("schema registry URL must be http(s)://host:port[/path], got: " + redact(url));
        }
        String userInfoInUrl = parsed.getRawUserInfo();
        String clean = redact(url.trim()).replace("****@", "").replaceAll("/+$", "");
        String basicSource = text(config, BASIC_SOURCE, "URL").toUpperCase(Locale.ROOT);
        String userInfo = switch (basicSource) {
            case "URL" -> userInfoInUrl == null ? null : URLDecoder.decode(userInfoInUrl, StandardCharsets.UTF_8);
            case "USER_INFO" -> {
                String v = text(config, BASIC_USER_INFO, text(config, "schema.registry." + BASIC_USER_INFO, null));
                if (v == null || !v.contains(":")) {
                    throw new IllegalArgumentException(BASIC_SOURCE + "=USER_INFO needs " + BASIC_USER_INFO + "=user:password");
                }
                yield v;
            }
            default -> throw new IllegalArgumentException(BASIC_SOURCE + "=" + basicSource + " is not supported: use URL or USER_INFO");
        };
        String authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
        String bearerSource = text(config, BEARER_SOURCE, null);
        if (bearerSource != null) {
            if (!bearerSource.equalsIgnoreCase("STATIC_TOKEN")) {
                throw new IllegalArgumentException(BEARER_SOURCE + "=" + bearerSource + " is not supported: use STATIC_TOKEN with " + BEARER_TOKEN);
            }
            String token = text(config, BEARER_TOKEN, null);
            if (token == null) {
                throw new IllegalArgumentException(BEARER_SOURCE + "=STATIC_TOKEN needs " + BEARER_TOKEN);
            }
            if (authorization != null) {
                throw new IllegalArgumentException("give either basic auth or a bearer token for the schema registry, not both");
            }
            authorization = "Bearer " + token;
        }
        return new RegistrySettings(clean, authorization, tls(config), timeout == null ? DEFAULT_TIMEOUT : timeout);
    }

    /** The text with {@code user:password@} of any URL in it replaced by {@code ****@}: for messages and logs. */
    public static String redact(String text) {
        return text == null ? null : URL_CREDENTIALS.matcher(text).replaceAll("$1****@");
    }

    private static SSLContext tls(Map<String, ?> config) {
        String trustLocation = text(config, SSL_PREFIX + "truststore.location", null);
        String keyLocation = text(config, SSL_PREFIX + "keystore.location", null);
        if (trustLocation == null && keyLocation == null) {
            return null;
        }
        try {
            TrustManagerFactory tmf = null;
            if (trustLocation != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(config, "truststore", trustLocation));
            }
            KeyManagerFactory kmf = null;
            if (keyLocation != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                String keyPassword = text(config, SSL_PREFIX + "key.password", text(config, SSL_PREFIX + "keystore.password", ""));
                kmf.init(load(config, "keystore", keyLocation), keyPassword.toCharArray());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the schema registry's TLS settings (" + SSL_PREFIX + "*): " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Map<String, ?> config, String which, String location) {
        String type = text(config, SSL_PREFIX + which + ".type", KeyStore.getDefaultType());
        String password = text(config, SSL_PREFIX + which + ".password", null);
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password == null ? null : password.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file and the setting, never the password.
            throw new IllegalArgumentException("cannot read " + SSL_PREFIX + which + ".location=" + location + " (type " + type + "): "
                    + e.getMessage(), e);
        }
    }

    private static String text(Map<String, ?> config, String key, String fallback) {
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }
}
