package gongkai.text;

import java.io.PrintWriter;

/**
 * Progress for a person: on a terminal one line redrawn in place (lines printed {@link #above} it stay on screen);
 * elsewhere (a log, CI) a plain line every tenth, so that a file does not fill with carriage returns.
 */
public final class ProgressBar {
    private static final int BAR_WIDTH = 20;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final boolean terminal;
    private final int columns;
    private long lastTenth = -1;

    public ProgressBar(PrintWriter out, boolean terminal, int columns) {
        this.out = out;
        this.terminal = terminal;
        this.columns = Math.max(40, columns);
    }

    /** On stderr, redrawn in place when stderr is a terminal. */
    public static ProgressBar onStderr() {
        return new ProgressBar(new PrintWriter(System.err, true), System.console() != null, terminalColumns());
    }

    /** Terminal width from $COLUMNS, which most shells set, else a conservative 80. */
    public static int terminalColumns() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    /**
     * Shows {@code done} of {@code total}, a status of the caller's, and (on a terminal, as room allows) what is being
     * worked on now; {@code current} is untrusted text (a URL, a title) and is escaped.
     */
    public void show(long done, long total, String status, String current) {
        String bar = "[" + "#".repeat(filled(done, total)) + "-".repeat(BAR_WIDTH - filled(done, total)) + "] " + done + "/" + total
                + (status.isEmpty() ? "" : "  " + status);
        if (terminal) {
            int room = columns - 1 - bar.length() - 2;
            String shown = room < 10 || current.isEmpty() ? "" : "  " + SafeText.forLog(current, room - 7);
            out.print(CLEAR_LINE + bar + shown);
            out.flush();
            return;
        }
        long tenth = total == 0 ? 10 : 10 * done / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            out.println(bar);
        }
    }

    /** A line that stays on screen above the bar (a failure, say). */
    public void above(String line) {
        if (terminal) {
            out.print(CLEAR_LINE);
        }
        out.println(line);
    }

    /** Leaves the terminal on a fresh line. */
    public void finish() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private static int filled(long done, long total) {
        return total == 0 ? 0 : (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
    }
}
