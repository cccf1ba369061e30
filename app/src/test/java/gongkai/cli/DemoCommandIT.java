package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
