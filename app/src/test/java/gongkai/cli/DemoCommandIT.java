package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import gongkai.local.EmbeddedCluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code ./monitor demo}, in its scripted form: real broker and registry, samples in, outcomes out. */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DemoCommandIT {
    @TempDir
    Path data;

    static final String CONT01_TOTAL = "北京市朝阳区金盏乡人民政府|2022|R-CONT-01|3/CARRIED_OVER/总计";

    @Test
    void demoJudgesEverySampleRestartsOnItsOwnDataAndKeepsTheOfficesReviews() throws Exception {
        Path samples = data.resolve("samples");
        copy(Path.of("..", "samples"), samples);
        String first = runDemo(samples);
        assertTrue(first.contains("submitted 6 sample reports"), first);
        for (String sample : new String[] {"anfeng-2020.txt", "chaoyang-jinzhan-2021.txt", "crafted/chaoyang-jinzhan-2022.txt",
                "daxing-yinghai-2023.txt", "fengtai-changxindian-2020.txt", "miyun-mujiayu-2020.txt"}) {
            assertTrue(first.lines().anyMatch(l -> l.contains(sample) && (l.contains("PASS") || l.contains("WARN") || l.contains("FAIL"))),
                    sample + " has a verdict in:\n" + first);
        }
        assertTrue(first.lines().anyMatch(l -> l.contains("crafted/chaoyang-jinzhan-2022.txt") && l.contains("FAIL")),
                "the carry-over break makes the crafted 2022 report fail:\n" + first);
        assertTrue(Files.exists(data.resolve("kafka").resolve("local-kafka.properties")));

        // The office dismisses the carry-over break of the total while the monitor is down: the review waits on its topic.
        try (EmbeddedCluster cluster = EmbeddedCluster.start(data)) {
            String review = CommandRun.succeeding("review", "--data-dir", data.toString(), CONT01_TOTAL, "--dismiss", "--comment", "已电话核实：系笔误",
                    "--by", "王科长");
            assertTrue(review.contains("DISMISS") && review.contains("王科长"), review);
            assertEquals(1, Monitor.commandLine().execute("review", "--data-dir", data.toString(), "no|such|alert", "--dismiss", "--by", "x"),
                    "an alert that does not stand cannot be reviewed");
        }

        // A restart on the same data finds its topics and state and does not send the samples again; a new version of
        // the 2022 report that repeats the carry-over break leaves the dismissed alert dismissed.
        Path crafted = samples.resolve("crafted").resolve("chaoyang-jinzhan-2022.txt");
        Files.writeString(samples.resolve("crafted").resolve("chaoyang-jinzhan-2022-v2.txt"), Files.readString(crafted) + "\n");
        String second = runDemo(samples);
        assertTrue(second.contains("submitted 1 sample reports") && second.contains("6 already submitted before"), second);
        assertTrue(second.lines().noneMatch(l -> l.startsWith("RAISED")), "a version repeating the findings raises nothing:\n" + second);

        // With the broker and registry up again on the same data, the office's and the auditors' commands find them by themselves.
        try (EmbeddedCluster cluster = EmbeddedCluster.start(data)) {
            String alerts = CommandRun.succeeding("alerts", "--data-dir", data.toString(), "--severity", "ERROR", "--format", "json");
            assertEquals(List.of("商业企业"), cont01Columns(alerts), "the dismissed alert is hidden:\n" + alerts);
            assertTrue(alerts.lines().allMatch(l -> l.contains("\"severity\":\"ERROR\"")), alerts);
            String all = CommandRun.succeeding("alerts", "--data-dir", data.toString(), "--severity", "ERROR", "--format", "json", "--all");
            assertEquals(List.of("商业企业", "总计"), cont01Columns(all).stream().sorted().toList(), all);
            assertTrue(all.lines().anyMatch(l -> l.contains(CONT01_TOTAL.replace("|", "|")) && l.contains("\"action\":\"DISMISS\"")
                    && l.contains("\"reviewer\":\"王科长\"")), all);

            String history = CommandRun.succeeding("history", "--data-dir", data.toString(), "金盏乡");
            assertTrue(history.contains("北京市朝阳区金盏乡人民政府 2021") && history.contains("北京市朝阳区金盏乡人民政府 2022"), history);
            assertTrue(history.lines().anyMatch(l -> l.contains("raised") && l.contains("R-CONT-01")), history);
            assertTrue(history.lines().anyMatch(l -> l.contains("reviewed") && l.contains("DISMISS") && l.contains("王科长")
                    && l.contains("已电话核实")), history);

            Path out = data.resolve("replays-out");
            String replay = CommandRun.succeeding("replay", "--data-dir", data.toString(), "--until", Instant.now().toString(), "--out", out.toString(), "--id", "it");
            assertTrue(replay.contains("7 submission(s) read"), replay);
            assertTrue(replay.contains("1 review(s) made by then; 1 of the standing alerts were dismissed then"), replay);
            Path csv;
            try (var files = Files.list(out)) {
                csv = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
            }
            String table = Files.readString(csv);
            // One row per alert in the alert table's columns (AlertTable): ..., ruleId, ..., reviewAction, reviewer, ...
            List<String> cont01 = table.lines().filter(l -> l.contains(",R-CONT-01,")).toList();
            assertEquals(2, cont01.size(), table);
            assertEquals(1, cont01.stream().filter(l -> l.contains(",DISMISS,王科长,")).count(), table);
        }
    }

    private static List<String> cont01Columns(String jsonLines) {
        return jsonLines.lines().filter(l -> l.contains("\"ruleId\":\"R-CONT-01\"") && l.contains("\"year\":2022"))
                .map(l -> l.replaceAll(".*\"column\":\"([^\"]*)\".*", "$1")).toList();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private String runDemo(Path samples) {
        return CommandRun.succeeding("demo", "--once", "--data-dir", data.toString(), "--samples", samples.toString());
    }
}
