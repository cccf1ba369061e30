package gongkai.crawl;

import java.net.URI;

/** A link on a listing page that looks like an annual report, with the date printed next to it (yyyy-MM-dd) if any. */
public record ReportLink(URI url, String title, String publishedAt) {
}
