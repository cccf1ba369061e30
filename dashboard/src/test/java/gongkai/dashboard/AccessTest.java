package gongkai.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Who may post a review: CSRF tokens per browser, and auth that binding beyond loopback requires. */
class AccessTest {
    @Test
    void bindingBeyondLoopbackNeedsATokenOrBasicAuth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DashboardOptions("0.0.0.0", 8080, Access.open()));
        assertTrue(e.getMessage().contains("--token-file"), e.getMessage());
        new DashboardOptions("0.0.0.0", 8080, Access.bearer("0123456789abcdef0123"));
        new DashboardOptions("127.0.0.1", 8080, Access.open());
        assertThrows(IllegalArgumentException.class, () -> Access.bearer("short"));
        assertThrows(IllegalArgumentException.class, () -> Access.basic("no-colon"));
    }

    @Test
    void csrfTokenBelongsToOneBrowserSessionAndOneServerStart() {
        Csrf csrf = new Csrf();
        String session = Csrf.newSession();
        String token = csrf.token(session);
        assertTrue(csrf.valid(session, token));
        assertFalse(csrf.valid(Csrf.newSession(), token), "another browser's token");
        assertFalse(new Csrf().valid(session, token), "a token from before a restart");
        assertFalse(csrf.valid(null, token));
        assertFalse(csrf.valid(session, null));
        assertEquals(session, Csrf.session(List.of("theme=dark; " + Csrf.COOKIE + "=" + session)));
    }

    @Test
    void basicAuthAndBearerAreCheckedExactly() {
        Access basic = Access.basic("inspector:s3cret:with:colons");
        String good = "Basic " + Base64.getEncoder().encodeToString("inspector:s3cret:with:colons".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("inspector:wrong".getBytes(StandardCharsets.UTF_8));
        assertEquals("inspector", basic.basicUser(good));
        assertNull(basic.basicUser(bad));
        assertNull(basic.basicUser("Basic !!!not-base64"));
        Access bearer = Access.bearer("0123456789abcdef0123");
        assertTrue(bearer.bearerMatches("Bearer 0123456789abcdef0123", null));
        assertTrue(bearer.bearerMatches(null, "0123456789abcdef0123"));
        assertFalse(bearer.bearerMatches("Bearer 0123456789abcdef0124", null));
        assertFalse(Access.open().bearerMatches("Bearer anything-at-all-here", null));
    }
}
