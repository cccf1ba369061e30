package gongkai.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * HTTPS with HTTP basic auth for the embedded registry, as a secured Confluent Schema Registry is run
 * ({@code listeners=https://…}, {@code authentication.method=BASIC}): one user, one password.
 */
public record SecuredAccess(SSLContext tls, String user, String password) {

    HttpsServer httpsServer(InetSocketAddress address) throws IOException {
        HttpsServer https = HttpsServer.create(address, 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return https;
    }

    BasicAuthenticator authenticator() {
        return new BasicAuthenticator("gongkai-registry") {
            @Override
            public boolean checkCredentials(String u, String p) {
                // Constant-time comparison: a timing difference would tell an attacker how much of a guess was right.
                return MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), u.getBytes(StandardCharsets.UTF_8))
                        & MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), p.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
