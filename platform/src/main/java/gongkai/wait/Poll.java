package gongkai.wait;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting on a cluster for a condition that has no callback (leaders elected, a group's offsets committed), with a
 * deadline, and interrupt-aware: an operator's Ctrl-C (or a test's timeout) ends the wait at once instead of being
 * swallowed by a park loop. The one such wait of the code base; the tests use Awaitility.
 */
public final class Poll {
    private Poll() {
    }

    /**
     * Checks {@code condition} every {@code interval} until it holds.
     *
     * @throws IllegalStateException naming {@code what} when {@code timeout} passes first, or when the thread is
     *     interrupted (the interrupt flag is kept set for the caller's caller)
     */
    public static void until(String what, Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException(what + " did not happen within " + timeout);
            }
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting until " + what, e);
            }
        }
    }
}
