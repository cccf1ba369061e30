package gongkai.crawl;

import java.net.URI;

/**
 * A successful response: the URL it finally came from (after redirects), the declared Content-Type
 * (may be null) and the body, with the validators the server sent for it. {@code notModified} is a
 * 304 answer to a conditional request: there is no body, the copy fetched before is still current.
 * The body array is not copied; nobody modifies it.
 */
public record Fetched(URI url, String contentType, byte[] body, Validators validators, boolean notModified) {

    public Fetched(URI url, String contentType, byte[] body) {
        this(url, contentType, body, Validators.NONE, false);
    }

    static Fetched notModified(URI url, Validators validators) {
        return new Fetched(url, null, new byte[0], validators, true);
    }

    public boolean isHtml() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
    }
}
