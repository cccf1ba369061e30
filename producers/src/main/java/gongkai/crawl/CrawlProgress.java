package gongkai.crawl;

/** Hears what a crawl is doing as it goes, to show progress. Called on the crawling thread. */
public interface CrawlProgress {
    /** A listing page was read and this many new report links found on it. */
    void listingRead(SeedList.Seed seed, int newLinks);

    void listingFailed(DocumentResult failure);

    void documentStarted(ReportLink link);

    void documentDone(DocumentResult result);

    /** The crawl is over; a progress display should leave the terminal on a fresh line. */
    void finished(CrawlReport report);

    static CrawlProgress silent() {
        return new CrawlProgress() {
            @Override
            public void listingRead(SeedList.Seed seed, int newLinks) {
            }

            @Override
            public void listingFailed(DocumentResult failure) {
            }

            @Override
            public void documentStarted(ReportLink link) {
            }

            @Override
            public void documentDone(DocumentResult result) {
            }

            @Override
            public void finished(CrawlReport report) {
            }
        };
    }
}
