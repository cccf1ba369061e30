package gongkai.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The bench's figures as a person reads them, each against its target. */
public final class BenchReport {
    public static final double TARGET_RATIO = 0.5;
    public static final double TARGET_P99_MS = 1000;

    private BenchReport() {
    }

    public static String machine() {
        long mem = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            mem = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%d cores, %s memory, JVM max heap %s, %s %s (%s)", Runtime.getRuntime().availableProcessors(),
                mib(mem), mib(Runtime.getRuntime().maxMemory()), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    static String mib(long bytes) {
        return bytes < 0 ? "?" : (bytes >= 10L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MiB", bytes >> 20));
    }

    public static String format(BenchRunner.Result r) {
        StringBuilder s = new StringBuilder();
        BenchRunner.SizeResult m = r.main();
        line(s, "Gongkai Monitor benchmark, run %s", r.runId());
        line(s, "  machine      %s", machine());
        line(s, "  cluster      %s broker %s, registry %s; %d partitions; processing.guarantee=exactly_once_v2",
                r.embedded() ? "embedded (same JVM)" : "external", r.bootstrapServers(), r.registryUrl(), r.partitions());
        History.Settings st = m.settings();
        line(s, "  history      %d agencies × %d years (%d-%d) = %d reports + %d corrections + %d exact duplicates + %d garbage = %d submissions",
                st.agencies(), st.years(), st.firstYear(), st.lastYear(), m.originals(), m.corrections(), m.duplicates(), m.garbage(),
                m.submissions());
        line(s, "               defects injected (rate %.3f, seed %d): %d (%s), %d of them corrected later; %.0f%% of agencies submit years newest first",
                st.defectRate(), st.seed(), m.expected().defects(), m.expected().defectsByKind().entrySet().stream()
                        .map(e -> e.getKey().ruleId() + " " + e.getValue()).collect(Collectors.joining(", ")),
                m.expected().corrected(), st.outOfOrderRate() * 100);
        line(s, "  formats      %s (reports and their versions); %.1f KB per submission on average",
                m.byFormat().entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                        .collect(Collectors.joining(", ")), m.contentBytes() / 1000.0 / Math.max(1, m.submissions()));
        line(s, "  load         %d submissions rendered and written in %.2f s (%.0f/s)", m.submissions(), m.loadNanos() / 1e9,
                m.submissions() / (m.loadNanos() / 1e9));
        if (m.passthrough() != null) {
            line(s, "  baseline     plain consumer→producer passthrough, same records, same broker: %d in %.2f s = %.0f records/s",
                    m.passthrough().records(), m.passthrough().nanos() / 1e9, m.passthrough().perSecond());
        }
        double ratio = m.passthrough() == null ? Double.NaN : m.throughput() / m.passthrough().perSecond();
        line(s, "  throughput   topology: %d submissions in %.2f s = %.0f reports/s from start-up to the last outcome "
                + "(%.0f/s from first to last outcome)", m.submissions(), m.topologyNanos() / 1e9, m.throughput(),
                m.steadyNanos() > 0 ? (m.submissions() - 1) / (m.steadyNanos() / 1e9) : Double.NaN);
        if (m.passthrough() != null) {
            line(s, "               = %.2f × passthrough   [target ≥ %.1f × passthrough for 1,000,000 reports: %s at this size]",
                    ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "NOT met");
        }
        if (m.latency() != null) {
            BenchRunner.Latency l = m.latency();
            line(s, "  latency      submission→first alert at %d reports/s, %d reports: p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d/%d got an alert)"
                    + "   [target p99 < %.0f ms: %s]", l.rate(), l.count(), l.percentile(50), l.percentile(99), l.percentile(100),
                    l.withAlert(), l.count(), TARGET_P99_MS, l.withAlert() == l.count() && l.percentile(99) < TARGET_P99_MS ? "met" : "NOT met");
        }
        s.append("  memory       whole JVM (broker, registry, topology and bench in one process when embedded)\n");
        for (BenchRunner.SizeResult z : r.sizes()) {
            line(s, "               %-8s %7d submissions: live heap after full GC %s, peak sampled heap %s",
                    z.name(), z.submissions(), mib(z.liveHeap()), mib(z.peakHeap()));
        }
        if (r.sizes().size() > 1) {
            BenchRunner.SizeResult a = r.sizes().get(0);
            double growth = (m.liveHeap() - a.liveHeap()) / (double) (1 << 20);
            line(s, "               live heap %+.0f MiB for %.1f × the history   [target: flat]", growth,
                    m.submissions() / (double) a.submissions());
        }
        for (BenchRunner.SizeResult z : r.sizes()) {
            correctness(s, z);
        }
        line(s, "RESULT %s", r.ok() ? "PASS: every injected defect found exactly once, every submission accounted for"
                : "FAIL: see the correctness lines");
        return s.toString();
    }

    private static void correctness(StringBuilder s, BenchRunner.SizeResult z) {
        BenchRunner.Check c = z.check();
        OutcomeCounter.Snapshot n = z.snapshot();
        line(s, "  correctness  [%s] counted rules R-BAL-01, R-ROW-01, R-CONT-01 (the injected kinds; 2 alert keys per defect)%s",
                z.name(), z.latency() != null ? ", latency reports included" : "");
        line(s, "               alerts raised %d of %d expected: %d missing, %d unexpected, %d not exactly once; resolved by corrections %d of %d (%d wrong)  %s",
                c.foundKeys(), c.expectedKeys(), c.missing().size(), c.unexpected().size(), c.duplicated().size(), c.foundResolved(),
                c.expectedResolved(), c.resolvedWrong().size(), c.ok() ? "OK" : "MISMATCH");
        line(s, "               submissions %d = %d parsed + %d rejected (%d expected garbage; %s); %d unaccounted, %d both, %d written twice",
                n.submitted(), n.parsed(), n.rejected(), c.expectedRejected(), join(n.rejectedByCode()), n.unaccounted(),
                n.parsedAndRejected(), n.twice());
        line(s, "               not counted (what clean reports also raise): %s", join(n.others()));
        sample(s, "missing", c.missing());
        sample(s, "unexpected", c.unexpected());
        sample(s, "not exactly once", c.duplicated());
        sample(s, "resolved wrongly", c.resolvedWrong());
    }

    private static void sample(StringBuilder s, String what, java.util.Set<String> keys) {
        if (!keys.isEmpty()) {
            line(s, "               %s (first 5): %s", what, keys.stream().limit(5).collect(Collectors.joining("; ")));
        }
    }

    private static String join(Map<String, Integer> m) {
        return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder s, String fmt, Object... args) {
        s.append(String.format(Locale.ROOT, fmt, args)).append('\n');
    }
}
