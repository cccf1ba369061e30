package gongkai.crawl;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import gongkai.text.Sha256;
import gongkai.avro.ReportSubmission;
import gongkai.submit.DocumentTooLargeException;
import gongkai.submit.Submissions;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jsoup.nodes.Document;

/**
 * One crawl: reads each listing page, fetches every report linked from it, and hands the reports not
 * published before to the sink as submissions, remembering each in the crawl state once the sink has
 * accepted it. The sink is expected to return only once the submission is safely stored (for Kafka:
 * acknowledged), so that what the state remembers was really published.
 */
public final class Crawler {
    /** The submitter id crawled documents carry. */
    public static final String SUBMITTER = "crawler";

    /** Listing pages read per seed, its further pages included: a pager that never ends must not keep the crawl on one site. */
    public static final int DEFAULT_MAX_LISTING_PAGES = 50;

    private final PoliteFetcher fetcher;
    private final CrawlState state;
    private final Consumer<ReportSubmission> sink;
    private final CrawlProgress progress;
    private final int maxListingPages;

    public Crawler(PoliteFetcher fetcher, CrawlState state, Consumer<ReportSubmission> sink, CrawlProgress progress) {
        this(fetcher, state, sink, progress, DEFAULT_MAX_LISTING_PAGES);
    }

    public Crawler(PoliteFetcher fetcher, CrawlState state, Consumer<ReportSubmission> sink, CrawlProgress progress, int maxListingPages) {
        if (maxListingPages < 1) {
            throw new IllegalArgumentException("maxListingPages must be at least 1");
        }
        this.fetcher = fetcher;
        this.state = state;
        this.sink = sink;
        this.progress = progress;
        this.maxListingPages = maxListingPages;
    }

    /**
     * Crawls the seeds in order. A listing or document that cannot be fetched, or a document too large to
     * publish, is reported and the crawl goes on; any other sink failure stops it (a broker that is down would fail every document after
     * it, each after a long wait), and so does failing to save the state.
     *
     * @throws IOException if the crawl state cannot be saved
     */
    public CrawlReport crawl(List<SeedList.Seed> seeds) throws IOException, InterruptedException {
        List<DocumentResult> listingFailures = new ArrayList<>();
        List<DocumentResult> documents = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        String stoppedBecause = null;
        for (SeedList.Seed seed : seeds) {
            List<ReportLink> links = new ArrayList<>();
            if (!readListing(seed.listing(), links, listingFailures)) {
                continue;
            }
            List<ReportLink> fresh = links.stream().filter(l -> seen.add(l.url())).toList();
            progress.listingRead(seed, fresh.size());
            for (ReportLink link : fresh) {
                progress.documentStarted(link);
                DocumentResult result;
                try {
                    result = handle(link, seed);
                } catch (PublishFailed e) {
                    result = DocumentResult.failed(link.url().toString(), link.title(), e.getMessage());
                    stoppedBecause = e.getMessage();
                }
                documents.add(result);
                progress.documentDone(result);
                if (stoppedBecause != null) {
                    break;
                }
            }
            if (stoppedBecause != null) {
                break;
            }
        }
        CrawlReport report = new CrawlReport(seeds.size(), listingFailures, documents, stoppedBecause);
        progress.finished(report);
        return report;
    }

    /**
     * Reads a listing and the further pages its pager leads to (下一页, createPageHTML), up to the page cap,
     * adding the report links of every page. A further page that fails is reported like a listing and the
     * others are still read.
     *
     * @return false when the first page itself could not be read
     */
    private boolean readListing(URI listing, List<ReportLink> links, List<DocumentResult> failures) throws InterruptedException {
        java.util.Deque<URI> queue = new java.util.ArrayDeque<>(List.of(listing));
        Set<URI> queued = new HashSet<>(queue);
        boolean first = true;
        for (int read = 0; !queue.isEmpty() && read < maxListingPages; read++) {
            URI url = queue.poll();
            Document page;
            try {
                page = listingPage(url);
            } catch (FetchException e) {
                DocumentResult failure = DocumentResult.failed(url.toString(), null, "listing: " + e.getMessage());
                failures.add(failure);
                progress.listingFailed(failure);
                if (first) {
                    return false;
                }
                continue;
            }
            first = false;
            links.addAll(ListingPage.reportLinks(page));
            ListingPage.nextPages(page).stream().filter(queued::add).forEach(queue::add);
        }
        return true;
    }

    private Document listingPage(URI listing) throws FetchException, InterruptedException {
        Fetched page = fetcher.fetch(listing);
        if (page.contentType() != null && !page.isHtml()) {
            throw new FetchException("not an HTML page (" + page.contentType() + ")");
        }
        return ListingPage.parse(page.body(), page.contentType(), page.url());
    }

    private DocumentResult handle(ReportLink link, SeedList.Seed seed) throws IOException, InterruptedException, PublishFailed {
        Fetched doc;
        String linked = link.url().toString();
        try {
            doc = fetcher.fetch(link.url(), state.validators(linked));
        } catch (FetchException e) {
            return DocumentResult.failed(linked, link.title(), e.getMessage());
        }
        if (doc.notModified()) {
            return DocumentResult.duplicate(link, "not modified since it was published (HTTP 304)");
        }
        String sha256 = Sha256.hex(doc.body());
        String source = doc.url().toString();
        Optional<CrawlState.Entry> before = state.published(sha256);
        if (before.isPresent()) {
            state.rememberValidators(linked, doc.validators(), sha256);
            return DocumentResult.duplicate(link, before.get().url().equals(source)
                    ? "already published" : "same content already published from " + before.get().url());
        }
        String publishedAt = link.publishedAt() != null ? link.publishedAt() : dateOnPage(doc).orElse(null);
        String contentType = doc.contentType() != null ? doc.contentType() : Submissions.guessContentType(doc.url().getPath());
        Instant now = Instant.now();
        ReportSubmission submission = Submissions.of(doc.body(), source, SUBMITTER, contentType, seed.agencyHint(), publishedAt, now);
        try {
            sink.accept(submission);
        } catch (RuntimeException e) {
            if (tooLarge(e)) {
                // This document's own problem: the crawl goes on with the next one.
                return DocumentResult.failed(link.url().toString(), link.title(), "not published: " + e.getMessage());
            }
            throw new PublishFailed("not published: " + e.getMessage(), e);
        }
        state.remember(sha256, source, now);
        state.rememberValidators(linked, doc.validators(), sha256);
        return DocumentResult.published(link, publishedAt, sha256);
    }

    /** Over the document limit, or over what the cluster's topic takes: a refusal of this document, not of every document. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof DocumentTooLargeException || c instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> dateOnPage(Fetched doc) {
        if (!doc.isHtml()) {
            return Optional.empty();
        }
        Document page = ListingPage.parse(doc.body(), doc.contentType(), doc.url());
        return ListingPage.publishedDate(page);
    }

    /** The sink refused a submission. */
    private static final class PublishFailed extends Exception {
        PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
