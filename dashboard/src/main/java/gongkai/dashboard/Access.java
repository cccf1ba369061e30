package gongkai.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Who may post reviews: anyone who can reach the port (the default, on 127.0.0.1), or only a caller with
 * the bearer token (header {@code Authorization: Bearer …}, or the form's token field) or the basic-auth
 * user and password. Required when the dashboard is bound to anything but loopback.
 */
public record Access(String bearerToken, String basicUser, String basicPassword) {

    public static Access open() {
        return new Access(null, null, null);
    }

    public static Access bearer(String token) {
        if (token == null || token.length() < 16) {
            throw new IllegalArgumentException("the dashboard token must be at least 16 characters");
        }
        return new Access(token, null, null);
    }

    /** @param userColonPassword {@code user:password}, as in a basic-auth file */
    public static Access basic(String userColonPassword) {
        int colon = userColonPassword == null ? -1 : userColonPassword.indexOf(':');
        if (colon <= 0 || colon == userColonPassword.length() - 1) {
            throw new IllegalArgumentException("basic auth must be given as user:password");
        }
        return new Access(null, userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
    }

    public boolean required() {
        return bearerToken != null || basicUser != null;
    }

    boolean tokenField() {
        return bearerToken != null;
    }

    /** The bearer token from the header or the form is right (browsers never send it by themselves, so it needs no CSRF token). */
    boolean bearerMatches(String authorization, String formToken) {
        if (bearerToken == null) {
            return false;
        }
        String given = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : formToken;
        return given != null && same(given, bearerToken);
    }

    /** The basic-auth user if the header carries the right user and password, else null. */
    String basicUser(String authorization) {
        if (basicUser == null || authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return same(decoded, basicUser + ":" + basicPassword) ? basicUser : null;
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return bearerToken != null ? "bearer token" : basicUser != null ? "basic auth (" + basicUser + ")" : "open";
    }
}
