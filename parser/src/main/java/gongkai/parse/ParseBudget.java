package gongkai.parse;

/**
 * The wall-clock budget of the document being parsed on this thread. Extractors call {@link #checkpoint} in
 * their loops (per page, per table, per few thousand lines) so that one pathological document is rejected with
 * TOO_COMPLEX instead of holding a stream thread (and its exactly-once transaction) for minutes.
 */
public final class ParseBudget {
    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private ParseBudget() {
    }

    private record Deadline(long endNanos, long millis, String source) {
    }

    /** Starts a budget of {@code millis} for {@code source} on this thread; close it when the parse ends. */
    public static AutoCloseable start(long millis, String source) {
        Deadline previous = CURRENT.get();
        CURRENT.set(new Deadline(System.nanoTime() + millis * 1_000_000L, millis, source));
        return () -> CURRENT.set(previous);
    }

    /**
     * As {@link #checkpoint} for loops in code that declares no checked exceptions: throws {@link Exceeded},
     * which {@link ReportParser} turns back into the TOO_COMPLEX rejection it carries.
     */
    public static void check(String where) {
        try {
            checkpoint(where);
        } catch (ReportRejectedException e) {
            throw new Exceeded(e);
        }
    }

    /** The unchecked carrier of a spent budget's rejection. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(ReportRejectedException rejection) {
            super(rejection.getMessage(), rejection, false, false);
        }

        public ReportRejectedException rejection() {
            return (ReportRejectedException) getCause();
        }
    }

    /** Throws TOO_COMPLEX when the budget of the current document is spent; {@code where} names the place. */
    public static void checkpoint(String where) throws ReportRejectedException {
        Deadline d = CURRENT.get();
        if (d != null && System.nanoTime() - d.endNanos() > 0) {
            throw new ReportRejectedException(RejectionReason.TOO_COMPLEX, d.source(),
                    "reading took longer than the " + d.millis() + " ms a document may take (stopped at " + where + ")");
        }
    }
}
