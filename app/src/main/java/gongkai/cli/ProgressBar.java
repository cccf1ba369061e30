package gongkai.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr when it is a terminal; otherwise a line every 10%. */
final class ProgressBar {
    private final String label;
    private final PrintStream err = System.err;
    private final boolean terminal = System.console() != null;
    private long lastTenth = -1;

    ProgressBar(String label) {
        this.label = label;
    }

    void update(long done, long total) {
        int percent = total == 0 ? 100 : (int) (100 * done / total);
        if (terminal) {
            int filled = percent / 4;
            err.print("\r" + label + " [" + "#".repeat(filled) + " ".repeat(25 - filled) + "] " + done + "/" + total + " (" + percent + "%)");
            err.flush();
        } else if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            err.println(label + ": " + done + "/" + total + " (" + percent + "%)");
        }
    }

    void finish() {
        if (terminal) {
            err.println();
        }
    }
}
