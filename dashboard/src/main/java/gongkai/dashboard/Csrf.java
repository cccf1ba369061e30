package gongkai.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens without server-side sessions: each browser gets a random session cookie (HttpOnly,
 * SameSite=Strict) and every form carries HMAC(server secret, that cookie). Another site can make the
 * browser send the cookie but cannot read the token; the secret is new at every start.
 */
final class Csrf {
    static final String COOKIE = "gk_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] secret = new byte[32];

    Csrf() {
        RANDOM.nextBytes(secret);
    }

    static String newSession() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String token(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    boolean valid(String session, String token) {
        return session != null && token != null && MessageDigest.isEqual(token(session).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** The session cookie of a request's Cookie header, or null. */
    static String session(java.util.List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return null;
        }
        for (String header : cookieHeaders) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    return p.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }
}
