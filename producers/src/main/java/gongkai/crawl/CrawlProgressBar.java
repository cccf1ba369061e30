package gongkai.crawl;

import java.io.PrintWriter;

import gongkai.text.ProgressBar;

/**
 * A crawl's progress for a person at a terminal: one bar redrawn in place, failures printed above it so they stay on
 * screen. The total grows as listing pages are read.
 */
public final class CrawlProgressBar implements CrawlProgress {
    private final ProgressBar bar;
    private final boolean dryRun;
    private int total;
    private int done;
    private int published;
    private int duplicates;
    private int failed;

    public CrawlProgressBar(PrintWriter out, boolean dryRun, int columns) {
        this.bar = new ProgressBar(out, true, columns);
        this.dryRun = dryRun;
    }

    @Override
    public void listingRead(SeedList.Seed seed, int newLinks) {
        total += newLinks;
        draw(seed.listing().toString());
    }

    @Override
    public void listingFailed(DocumentResult failure) {
        failed++;
        bar.above(ProgressLog.line(failure, dryRun));
    }

    @Override
    public void documentStarted(ReportLink link) {
        draw(link.url().toString());
    }

    @Override
    public void documentDone(DocumentResult result) {
        done++;
        switch (result.status()) {
            case PUBLISHED -> published++;
            case DUPLICATE -> duplicates++;
            case FAILED -> {
                failed++;
                bar.above(ProgressLog.line(result, dryRun));
            }
        }
        draw(result.url());
    }

    @Override
    public void finished(CrawlReport report) {
        draw("");
        bar.finish();
    }

    private void draw(String current) {
        bar.show(done, total, (dryRun ? "new " : "published ") + published + ", duplicate " + duplicates + ", failed " + failed, current);
    }
}
