package gongkai.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT/SIGTERM) for long-running commands: the shutdown hook wakes the command and then
 * waits for it to finish closing, so Kafka Streams commits and the broker shuts down cleanly.
 */
final class StopSignal {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    StopSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "monitor-shutdown"));
    }

    void await() throws InterruptedException {
        stop.await();
    }

    boolean stopped() {
        return stop.getCount() == 0;
    }

    void closed() {
        closed.countDown();
    }
}
