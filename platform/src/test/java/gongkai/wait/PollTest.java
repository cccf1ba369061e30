package gongkai.wait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PollTest {
    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();
        Poll.until("three checks", Duration.ofSeconds(10), Duration.ofMillis(1), () -> checks.incrementAndGet() >= 3);
        assertEquals(3, checks.get());
    }

    @Test
    void failsNamingWhatItWaitedForWhenTheTimeoutPasses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Poll.until("leaders of gongkai.submissions", Duration.ofMillis(30), Duration.ofMillis(5), () -> false));
        assertTrue(e.getMessage().contains("leaders of gongkai.submissions"), e.getMessage());
    }

    @Test
    void anInterruptEndsTheWaitAndStaysVisibleToTheCaller() {
        Thread.currentThread().interrupt();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Poll.until("never", Duration.ofMinutes(5), Duration.ofSeconds(1), () -> false));
            assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
            assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }
}
