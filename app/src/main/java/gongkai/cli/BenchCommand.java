package gongkai.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import gongkai.bench.BenchReport;
import gongkai.bench.BenchRunner;
import gongkai.bench.FormatMix;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Load, performance and correctness benchmark. Starts an embedded broker and registry in a temporary directory",
                "(or uses --bootstrap-servers/--schema-registry-url), generates N agencies × K years of reports with defects injected",
                "at a known rate, loads them, copies them once with a plain consumer→producer (the baseline), runs the topology to",
                "completion, measures submission→alert latency at a fixed rate, and prints throughput (and its ratio to the baseline),",
                "latency percentiles, heap per history size, and whether every injected defect was found exactly once.",
                "Exit 0: correct (targets are reported, not enforced), 1: a defect missed or duplicated or a submission unaccounted."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--agencies", defaultValue = "500", description = "Agencies in the history (default: ${DEFAULT-VALUE}).")
    int agencies;

    @Option(names = "--years", defaultValue = "4", description = "Years per agency, ending 2023 (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--defect-rate", defaultValue = "0.05", description = "Share of reports with an injected defect (default: ${DEFAULT-VALUE}).")
    double defectRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency-rate", defaultValue = "100", description = "Reports per second offered in the latency phase (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(names = "--latency-seconds", defaultValue = "10", description = "Length of the latency phase; 0 skips it (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--formats", defaultValue = "text=1", description = {"How the reports are published, as shares: e.g. "
            + "pdf=60,html=25,text=15 (PDFs rendered per report need fonts-droid-fallback). Default: ${DEFAULT-VALUE} (text only)."})
    String formats;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of the bench's topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--one-size", description = "Skip the quarter-size run that the memory comparison needs.")
    boolean oneSize;

    @Option(names = {"-b", "--bootstrap-servers"}, description = "Use this cluster instead of an embedded broker (needs --schema-registry-url).")
    String bootstrapServers;

    @Option(names = {"-r", "--schema-registry-url"}, description = "Use this registry instead of the embedded one.")
    String schemaRegistryUrl;

    @Option(names = "--data-dir", description = "Where the embedded broker and the state stores live (default: a temporary directory, deleted after).")
    Path dataDir;

    @Option(names = {"-s", "--set"}, description = "Any Kafka Streams / client / monitor setting as key=value (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--verbose", description = "Keep the monitor's per-report INFO log lines (off by default: they would be part of what is timed).")
    boolean verbose;

    @Override
    public Integer call() {
        if (!verbose) {
            // Before any logger exists: slf4j-simple reads system properties over its properties file.
            System.setProperty("org.slf4j.simpleLogger.log.gongkai", "warn");
        }
        if (agencies < 1 || years < 1 || defectRate < 0 || defectRate > 1 || latencyRate < 0 || latencySeconds < 0 || partitions < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "agencies, years and partitions must be ≥ 1, "
                    + "the defect rate within 0..1, the latency settings ≥ 0");
        }
        FormatMix mix;
        try {
            mix = FormatMix.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--formats " + formats + ": " + e.getMessage());
        }
        BenchRunner.Options o = new BenchRunner.Options(agencies, years, defectRate, seed, latencyRate, latencySeconds,
                bootstrapServers, schemaRegistryUrl, dataDir, partitions, !oneSize, settings, mix);
        BenchRunner.Result result = BenchRunner.run(o, System.out);
        System.out.println();
        System.out.print(BenchReport.format(result));
        return result.ok() ? 0 : 1;
    }

    /** Runs the bench without the launcher: {@code java -cp … gongkai.cli.BenchCommand --agencies 100}. */
    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new BenchCommand());
        System.exit(cl.execute(args));
    }
}
