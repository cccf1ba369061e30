package gongkai.crawl;

/** A URL that could not be fetched, with a reason short enough for a one-line report (HTTP 404, too large, timed out …). */
public final class FetchException extends Exception {
    public FetchException(String reason) {
        super(reason);
    }

    public FetchException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
