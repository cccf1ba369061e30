package gongkai.crawl;

/**
 * What the crawl did with one URL.
 *
 * @param url    the link as found (a listing, or a report link on one)
 * @param title  the link text, or null for a listing
 * @param detail for PUBLISHED the content hash; for DUPLICATE where it was published before; for FAILED the reason
 */
public record DocumentResult(Status status, String url, String title, String publishedAt, String detail) {
    public enum Status { PUBLISHED, DUPLICATE, FAILED }

    public static DocumentResult published(ReportLink link, String publishedAt, String sha256) {
        return new DocumentResult(Status.PUBLISHED, link.url().toString(), link.title(), publishedAt, sha256);
    }

    public static DocumentResult duplicate(ReportLink link, String why) {
        return new DocumentResult(Status.DUPLICATE, link.url().toString(), link.title(), link.publishedAt(), why);
    }

    public static DocumentResult failed(String url, String title, String reason) {
        return new DocumentResult(Status.FAILED, url, title, null, reason);
    }
}
