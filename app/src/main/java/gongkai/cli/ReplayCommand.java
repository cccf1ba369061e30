package gongkai.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import gongkai.alerts.VerdictCalculator;
import gongkai.config.MonitorConfig;
import gongkai.topics.SubmissionWindow;
import gongkai.text.ProgressBar;
import gongkai.replay.AlertExport;
import gongkai.replay.Replay;
import gongkai.watch.AlertFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"For audit teams: re-run the topology over the submission log up to a point in time, under a separate",
                "application id and output topics (the live application is not touched), and write the alerts that stood",
                "at that moment as JSON and CSV, with the office's reviews that stood then. Roster changes and reviews made",
                "after that moment are left out. Replaying the same window twice gives identical files.",
                "Example: ./monitor replay --until 2024-03-31   (end of that day, Asia/Shanghai)"})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--until", description = "Last moment considered: a date (end of that day in --zone) or an ISO instant.")
    String until;

    @Option(names = "--list", description = "List the replays on the cluster: their topics, registry subjects, group and local state.")
    boolean list;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete a replay's topics, subjects, consumer group and local state "
            + "(its result files are kept).")
    String delete;

    @Option(names = "--from", description = "First moment considered: a date (start of that day in --zone) or an ISO instant.")
    String from;

    @Option(names = "--zone", description = "Time zone for dates. Default: ${DEFAULT-VALUE}.", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Option(names = "--out", description = "Directory for the result files. Default: <data-dir>/replays.")
    Path out;

    @Option(names = "--id", description = "Replay id (names the application id and topics). Default: a new one per run.")
    String id;

    @Option(names = "--timeout", description = "Give up after this long. Default: ${DEFAULT-VALUE}.", defaultValue = "PT30M")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = cluster.load();
        if (list || delete != null) {
            return ReplayHousekeeping.run(config, list, delete, until != null || from != null || id != null);
        }
        if (until == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "replay needs --until DATE (or --list, or --delete ID)");
        }
        Instant untilInstant = parse(until, true);
        Instant fromInstant = from == null ? null : parse(from, false);
        String replayId = id != null ? id.replaceAll("[^A-Za-z0-9._-]", "_")
                : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "-" + Long.toHexString(System.nanoTime() & 0xffff);
        ProgressBar bar = ProgressBar.onStderr();
        Replay.Result result = Replay.run(config, new SubmissionWindow(fromInstant, untilInstant), replayId, timeout, (done, total) -> {
            bar.show(done, total, "replay " + replayId, "");
            return done;
        });
        bar.finish();
        Path dir = out != null ? out : config.dataDir().resolve("replays");
        String stem = "alerts-until-" + untilInstant.toString().replace(':', '-') + "-" + replayId;
        Path json = dir.resolve(stem + ".json");
        Path csv = dir.resolve(stem + ".csv");
        AlertExport.writeJson(json, result.standing());
        AlertExport.writeCsv(csv, result.standing());
        System.out.printf("%d submission(s) read, %d alert(s) stood at %s%n", result.submissionsRead(), result.standing().size(), untilInstant);
        long dismissed = result.standing().stream().filter(VerdictCalculator::dismissed).count();
        System.out.printf("%d review(s) made by then; %d of the standing alerts were dismissed then%n", result.reviews().size(), dismissed);
        result.reviews().forEach(r -> System.out.println("  " + AlertFormatter.review(r)));
        System.out.println("wrote " + json);
        System.out.println("wrote " + csv);
        System.out.println("replay topics: " + result.topics().parsed().replace("reports.parsed", "*")
                + " (application.id " + config.applicationId() + "-replay-" + replayId + ")");
        return 0;
    }

    private Instant parse(String value, boolean endOfDay) {
        if (value.length() == 10) {
            LocalDate d = LocalDate.parse(value);
            return endOfDay ? d.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1) : d.atStartOfDay(zone).toInstant();
        }
        return Instant.parse(value);
    }
}
