package gongkai.crawl;

import java.io.PrintWriter;

import gongkai.text.SafeText;

/** Progress as one plain line per listing and document: for logs, pipes and CI, where a redrawn bar would be noise. */
public final class ProgressLog implements CrawlProgress {
    private final PrintWriter out;
    private final boolean dryRun;

    public ProgressLog(PrintWriter out, boolean dryRun) {
        this.out = out;
        this.dryRun = dryRun;
    }

    @Override
    public void listingRead(SeedList.Seed seed, int newLinks) {
        out.println("listing   " + SafeText.forLog(seed.listing(), 300) + ": " + newLinks + " report link(s)"
                + (seed.agencyHint() == null ? "" : " for " + SafeText.forLog(seed.agencyHint())));
        out.flush();
    }

    @Override
    public void listingFailed(DocumentResult failure) {
        println(failure);
    }

    @Override
    public void documentStarted(ReportLink link) {
    }

    @Override
    public void documentDone(DocumentResult result) {
        println(result);
    }

    @Override
    public void finished(CrawlReport report) {
        out.flush();
    }

    private void println(DocumentResult r) {
        out.println(line(r, dryRun));
        out.flush();
    }

    /** One document as a line; every part that came from the web is escaped. */
    static String line(DocumentResult r, boolean dryRun) {
        String url = SafeText.forLog(r.url(), 300);
        String title = r.title() == null ? "" : "  " + SafeText.forLog(r.title(), 80);
        return switch (r.status()) {
            case PUBLISHED -> (dryRun ? "new       " : "published ") + (r.publishedAt() == null ? "(no date) " : r.publishedAt())
                    + "  " + url + title;
            case DUPLICATE -> "duplicate " + url + " (" + SafeText.forLog(r.detail(), 300) + ")";
            case FAILED -> "FAILED    " + url + ": " + SafeText.forLog(r.detail(), 300);
        };
    }
}
