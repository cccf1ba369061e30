package gongkai.crawl;

import java.util.List;

/**
 * The outcome of a crawl: listing pages that could not be read, and every report link found with
 * what became of it, in the order they were handled.
 */
public record CrawlReport(int listings, List<DocumentResult> listingFailures, List<DocumentResult> documents) {

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

    public String summary() {
        return String.format("%d listing(s), %d report link(s) found, %d fetched, %d published, %d skipped as duplicate, %d failed",
                listings, found(), fetched(), published(), skippedDuplicate(), failures().size());
    }

    private int count(DocumentResult.Status s) {
        return (int) documents.stream().filter(d -> d.status() == s).count();
    }
}
