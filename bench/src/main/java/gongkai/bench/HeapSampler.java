package gongkai.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the JVM's used heap (MemoryMXBean) every 50 ms on a daemon thread and keeps the peak since the last
 * reset; {@link #liveAfterGc()} asks for a full collection and reads what is left (the live set, the honest
 * figure for "does memory grow with history").
 */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    public HeapSampler() {
        thread = new Thread(() -> {
            while (running) {
                long used = memory.getHeapMemoryUsage().getUsed();
                if (used > peak) {
                    peak = used;
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakBytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    public void reset() {
        peak = 0;
    }

    public long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    public long liveAfterGc() {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Override
    public void close() {
        running = false;
    }
}
