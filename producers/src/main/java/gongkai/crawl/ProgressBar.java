package gongkai.crawl;

import java.io.PrintWriter;

import gongkai.text.SafeText;

/**
 * Progress as a single line redrawn in place, for a person at a terminal. Failures are printed
 * above the bar so they stay on screen. The total grows as listing pages are read.
 */
public final class ProgressBar implements CrawlProgress {
    private static final int BAR_WIDTH = 20;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final boolean dryRun;
    private final int columns;
    private int total;
    private int done;
    private int published;
    private int duplicates;
    private int failed;

    public ProgressBar(PrintWriter out, boolean dryRun, int columns) {
        this.out = out;
        this.dryRun = dryRun;
        this.columns = Math.max(40, columns);
    }

    /** Terminal width from $COLUMNS, which most shells set, else a conservative 80. */
    public static int terminalColumns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void listingRead(SeedList.Seed seed, int newLinks) {
        total += newLinks;
        draw(seed.listing().toString());
    }

    @Override
    public void listingFailed(DocumentResult failure) {
        failed++;
        above(ProgressLog.line(failure, dryRun));
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
                above(ProgressLog.line(result, dryRun));
            }
        }
        draw(result.url());
    }

    @Override
    public void finished(CrawlReport report) {
        draw("");
        out.println();
        out.flush();
    }

    private void above(String line) {
        out.print(CLEAR_LINE);
        out.println(line);
    }

    private void draw(String current) {
        int filled = total == 0 ? 0 : BAR_WIDTH * done / total;
        String status = "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + "  "
                + (dryRun ? "new " : "published ") + published + ", duplicate " + duplicates + ", failed " + failed;
        int room = columns - 1 - status.length() - 2;
        String shown = room < 10 ? "" : "  " + SafeText.forLog(current, room - 7);
        out.print(CLEAR_LINE + status + shown);
        out.flush();
    }
}
