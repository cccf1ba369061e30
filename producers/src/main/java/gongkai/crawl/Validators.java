package gongkai.crawl;

/**
 * What a server said identifies the version of a document it sent (ETag, Last-Modified), to be sent
 * back on the next crawl (If-None-Match, If-Modified-Since) so that an unchanged document is
 * answered 304 Not Modified instead of being downloaded again. Either may be null.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public Validators {
        etag = usable(etag);
        lastModified = usable(lastModified);
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    /** A header value worth keeping: present, short, and without control characters (it is stored in a TAB-separated file). */
    private static String usable(String value) {
        if (value == null || value.isBlank() || value.length() > 512 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return value.strip();
    }
}
