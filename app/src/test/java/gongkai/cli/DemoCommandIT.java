package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import gongkai.local.EmbeddedCluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, {@code ./monitor demo}, in its scripted form: real broker and registry, samples in, outcomes out. */
class DemoCommandIT {
    @TempDir
    Path data;

    @Test
    void demoJudgesEverySampleAndRestartsOnItsOwnData() throws Exception {
        String first = runDemo();
        assertTrue(first.contains("submitted 6 sample reports"), first);
        for (String sample : new String[] {"anfeng-2020.txt", "chaoyang-jinzhan-2021.txt", "crafted/chaoyang-jinzhan-2022.txt",
                "daxing-yinghai-2023.txt", "fengtai-changxindian-2020.txt", "miyun-mujiayu-2020.txt"}) {
            assertTrue(first.lines().anyMatch(l -> l.contains(sample) && (l.contains("PASS") || l.contains("WARN") || l.contains("FAIL"))),
                    sample + " has a verdict in:\n" + first);
        }
        assertTrue(first.lines().anyMatch(l -> l.contains("crafted/chaoyang-jinzhan-2022.txt") && l.contains("FAIL")),
                "the carry-over break makes the crafted 2022 report fail:\n" + first);
        assertTrue(Files.exists(data.resolve("kafka").resolve("local-kafka.properties")));

        // A restart on the same data directory finds its topics and state; the same samples are duplicates now.
        String second = runDemo();
        assertTrue(second.contains("submitted 6 sample reports"), second);
        assertTrue(second.lines().anyMatch(l -> l.contains("crafted/chaoyang-jinzhan-2022.txt") && l.contains("FAIL")), second);
        assertTrue(second.lines().noneMatch(l -> l.startsWith("RAISED")), "re-submitting the same content raises nothing new:\n" + second);

        // With the broker and registry up again on the same data, the office's and the auditors' commands find them by themselves.
        try (EmbeddedCluster cluster = EmbeddedCluster.start(data)) {
            String alerts = run("alerts", "--data-dir", data.toString(), "--severity", "ERROR", "--format", "json");
            assertEquals(2, alerts.lines().filter(l -> l.contains("\"ruleId\":\"R-CONT-01\"") && l.contains("\"year\":2022")).count(), alerts);
            assertTrue(alerts.lines().allMatch(l -> l.contains("\"severity\":\"ERROR\"")), alerts);

            String history = run("history", "--data-dir", data.toString(), "金盏乡");
            assertTrue(history.contains("北京市朝阳区金盏乡人民政府 2021") && history.contains("北京市朝阳区金盏乡人民政府 2022"), history);
            assertTrue(history.contains("(same content again: no change)"), history);
            assertTrue(history.lines().anyMatch(l -> l.contains("raised") && l.contains("R-CONT-01")), history);

            Path out = data.resolve("replays-out");
            String replay = run("replay", "--data-dir", data.toString(), "--until", Instant.now().toString(), "--out", out.toString(), "--id", "it");
            assertTrue(replay.contains("12 submission(s) read"), replay);
            Path csv;
            try (var files = Files.list(out)) {
                csv = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
            }
            String table = Files.readString(csv);
            assertEquals(2, table.lines().filter(l -> l.startsWith("\"R-CONT-01\"")).count(), table);
        }
    }

    private String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Monitor.commandLine().execute(args);
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, String.join(" ", args) + ":\n" + out);
        return out;
    }

    private String runDemo() {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Monitor.commandLine().execute("demo", "--once", "--data-dir", data.toString(), "--samples", "../samples");
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, out);
        return out;
    }
}
