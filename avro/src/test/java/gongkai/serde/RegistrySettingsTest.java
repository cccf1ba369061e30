package gongkai.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import gongkai.local.LocalPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry settings Confluent's client takes, read the same way; credentials never in the printable URL. */
class RegistrySettingsTest {
    @TempDir
    Path dir;

    @Test
    void credentialsInTheUrlBecomeBasicAuthAndLeaveTheUrl() {
        RegistrySettings s = RegistrySettings.of("https://office:s3cret-pw@registry.example:8081/apis/ccompat/v7/", Map.of(), null);
        assertEquals("https://registry.example:8081/apis/ccompat/v7", s.url());
        assertEquals("Basic b2ZmaWNlOnMzY3JldC1wdw==", s.authorization());
        assertFalse(s.toString().contains("s3cret-pw"), s.toString());
    }

    @Test
    void userInfoSourceTakesBasicAuthUserInfo() {
        RegistrySettings s = RegistrySettings.of("http://127.0.0.1:8081", Map.of("basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "office:pw"), null);
        assertEquals("Basic b2ZmaWNlOnB3", s.authorization());
        var e = assertThrows(IllegalArgumentException.class, () -> RegistrySettings.of("http://127.0.0.1:8081",
                Map.of("basic.auth.credentials.source", "USER_INFO"), null));
        assertTrue(e.getMessage().contains("basic.auth.user.info"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegistrySettings.of("http://127.0.0.1:8081",
                Map.of("basic.auth.credentials.source", "SASL_INHERIT"), null));
        assertTrue(e.getMessage().contains("SASL_INHERIT is not supported"), e.getMessage());
    }

    @Test
    void redactionRemovesCredentialsFromAnyUrlInAText() {
        assertEquals("registry at https://****@h:1/x failed; also http://****@h2", RegistrySettings.redact(
                "registry at https://u:p@h:1/x failed; also http://a%40b:c@h2"));
        assertEquals("http://h:1", RegistrySettings.redact("http://h:1"));
        var e = assertThrows(IllegalArgumentException.class, () -> RegistrySettings.of("ftp://u:pw@h:1", Map.of(), null));
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
    }

    @Test
    void bearerTokenIsSentOverTlsTrustingThePrivateCa() throws IOException {
        LocalPki pki = LocalPki.create(dir.resolve("pki"));
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        AtomicReference<String> seen = new AtomicReference<>();
        server.createContext("/config", ex -> {
            seen.set(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = "{\"compatibilityLevel\":\"BACKWARD\"}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(seen.get() == null ? 401 : 200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort();
            Map<String, String> settings = Map.of("bearer.auth.credentials.source", "STATIC_TOKEN", "bearer.auth.token", "tok-123",
                    "schema.registry.ssl.truststore.location", pki.truststore().toString(),
                    "schema.registry.ssl.truststore.password", pki.password(), "schema.registry.ssl.truststore.type", "PKCS12");
            assertEquals("BACKWARD", SchemaRegistryClient.connect(url, settings, null).getCompatibility(""));
            assertEquals("Bearer tok-123", seen.get());

            // Without the CA in the truststore: a TLS error that says which setting to fix, not a hang.
            var e = assertThrows(SchemaRegistryException.class, () -> new RestSchemaRegistryClient(url).getCompatibility(""));
            assertTrue(e.getMessage().contains("schema.registry.ssl.truststore.location") && e.isUnreachable(), e.getMessage());
            // Without the token: refused, and the message says what to set.
            seen.set(null);
            var clientWithoutToken = SchemaRegistryClient.connect(url, Map.of("schema.registry.ssl.truststore.location", pki.truststore().toString(),
                    "schema.registry.ssl.truststore.password", pki.password()), null);
            e = assertThrows(SchemaRegistryException.class, () -> clientWithoutToken.getCompatibility(""));
            assertEquals(401, e.httpStatus());
            assertTrue(e.getMessage().contains("bearer.auth.token"), e.getMessage());
            assertNull(seen.get());
        } finally {
            server.stop(0);
        }
    }
}
