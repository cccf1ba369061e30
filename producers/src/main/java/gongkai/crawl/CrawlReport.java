package gongkai.crawl;

import java.util.List;

/**
 * The outcome of a crawl: listing pages that could not be read, and every report link found with
 * what became of it, in the order they were handled.
 *
 * @param stoppedBecause why the crawl ended before handling every link (publishing failed), or null
 */
public record CrawlReport(int listings, List<DocumentResult> listingFailures, List<DocumentResult> documents, String stoppedBecause) {

    public CrawlReport {
        listingFailures = List.copyOf(listingFailures);
        documents = List.copyOf(documents);
    }

    public int found() {
        return documents.size();
    }

    /** Documents fetched successfully, whether then published or skipped as duplicates. */
    public int fetched() {
        return count(DocumentResult.Status.PUBLISHED) + count(DocumentResult.Status.DUPLICATE);
    }

    public int published() {
        return count(DocumentResult.Status.PUBLISHED);
    }

    public int skippedDuplicate() {
        return count(DocumentResult.Status.DUPLICATE);
    }

    /** Failed listings and documents, each with its reason. */
    public List<DocumentResult> failures() {
        return java.util.stream.Stream.concat(listingFailures.stream(),
                documents.stream().filter(d -> d.status() == DocumentResult.Status.FAILED)).toList();
    }

    /** One line of counts; a dry run says "new" where a real crawl says "published". */
    public String summary(boolean dryRun) {
        return String.format("%d listing(s), %d report link(s) found, %d fetched, %d %s, %d skipped as duplicate, %d failed%s",
                listings, found(), fetched(), published(), dryRun ? "new (dry run: not published)" : "published", skippedDuplicate(),
                failures().size(), stoppedBecause == null ? "" : "; crawl stopped early: " + stoppedBecause);
    }

    private int count(DocumentResult.Status s) {
        return (int) documents.stream().filter(d -> d.status() == s).count();
    }
}
