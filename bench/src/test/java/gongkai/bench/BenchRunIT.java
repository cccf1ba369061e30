package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole bench, small: embedded broker and registry, baseline, topology, latency, two sizes, the correctness line. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BenchRunIT {
    @Test
    void aSmallBenchRunFindsEveryDefectExactlyOnce() {
        BenchRunner.Result r = BenchRunner.run(new BenchRunner.Options(40, 4, 0.1, 9, 50, 2, null, null, null, 3, true, Map.of()),
                System.out);
        String report = BenchReport.format(r);
        System.out.print(report);
        assertTrue(r.ok(), report);
        assertEquals(2, r.sizes().size());
        assertNotNull(r.main().passthrough());
        assertEquals(100, r.main().latency().count());
        assertTrue(report.contains("RESULT PASS"), report);
    }
}
