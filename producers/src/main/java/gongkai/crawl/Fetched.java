package gongkai.crawl;

import java.net.URI;

/**
 * A successful response: the URL it finally came from (after redirects), the declared Content-Type
 * (may be null) and the body. The body array is not copied; nobody modifies it.
 */
public record Fetched(URI url, String contentType, byte[] body) {

    public boolean isHtml() {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
    }
}
