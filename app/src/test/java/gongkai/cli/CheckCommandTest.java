package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./monitor check} as a script would use it: exit codes and one JSON object per line. */
class CheckCommandTest {
    static final String SAMPLES = "../samples/";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Monitor.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private List<JsonNode> jsonLines() throws Exception {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                nodes.add(m.readTree(line));
            }
        }
        return nodes;
    }

    @Test
    void carryOverBreakExitsOneWithTheAlertAsJson() throws Exception {
        int exit = run("check", "--format", "json", SAMPLES + "chaoyang-jinzhan-2021.txt", SAMPLES + "crafted/chaoyang-jinzhan-2022.txt");
        assertEquals(1, exit, err.toString());
        List<JsonNode> cont = jsonLines().stream().filter(n -> n.path("ruleId").asText().equals("R-CONT-01")).toList();
        assertEquals(2, cont.size(), out.toString());
        JsonNode total = cont.stream().filter(n -> n.path("location").path("column").asText().equals("总计")).findFirst().orElseThrow();
        assertEquals("continuity", total.path("kind").asText());
        assertEquals("ERROR", total.path("severity").asText());
        assertEquals("北京市朝阳区金盏乡人民政府", total.path("agency").asText());
        assertEquals(2022, total.path("year").asInt());
        assertEquals("3", total.path("expected").asText());
        assertEquals("2", total.path("actual").asText());
        assertTrue(total.path("message").asText().contains("carried forward 3"), total.toString());
        assertTrue(total.path("messageZh").asText().contains("结转下年度"), total.toString());
    }

    @Test
    void reportWithoutErrorsExitsZero() throws Exception {
        int exit = run("check", "--format", "json", SAMPLES + "daxing-yinghai-2023.txt");
        assertEquals(0, exit, out + "\n" + err);
        assertTrue(jsonLines().stream().anyMatch(n -> n.path("ruleId").asText().equals("R-CELL-01")), "the blank cells are reported");
        assertTrue(jsonLines().stream().noneMatch(n -> n.path("severity").asText().equals("ERROR")));
    }

    @Test
    void severityOverrideChangesTheExitCode() {
        int exit = run("check", "--set", "rules.severity.R-CONT-01=WARNING",
                SAMPLES + "chaoyang-jinzhan-2021.txt", SAMPLES + "crafted/chaoyang-jinzhan-2022.txt");
        assertEquals(0, exit, out.toString());
        assertTrue(out.toString().contains("RAISED WARNING R-CONT-01"), out.toString());
    }

    @Test
    void rejectedFileIsOneJsonLineWithItsReason(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("notice.txt");
        Files.writeString(junk, "关于召开会议的通知\n请各单位准时参加。\n");
        int exit = run("check", "--format", "json", junk.toString());
        assertEquals(1, exit, "a rejected file is a failure, as for submit and parse");
        JsonNode line = jsonLines().get(0);
        assertTrue(line.path("rejected").asBoolean());
        assertEquals(junk.toString(), line.path("file").asText());
        assertTrue(!line.path("reason").asText().isBlank());
    }

    @Test
    void missingFileIsAUsageError() {
        assertEquals(2, run("check", "no-such-report.txt"));
        assertTrue(err.toString().contains("no-such-report.txt"));
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(2, run("check", "--frobnicate", SAMPLES + "anfeng-2020.txt"));
    }

    @Test
    void aRejectedFileAmongGoodOnesFailsTheCheck() {
        int exit = run("check", SAMPLES + "daxing-yinghai-2023.txt", "../README.md");
        assertEquals(1, exit, out.toString());
        assertTrue(out.toString().contains("REJECTED ../README.md"), out.toString());
    }

    @Test
    void eachFileCarriesItsOwnPublicationDate() throws Exception {
        // The README's example: 2021 published in time, 2022 on 10 February 2023, after a township's 31 January.
        int exit = run("check", "--format", "json", SAMPLES + "chaoyang-jinzhan-2021.txt@2022-01-20",
                SAMPLES + "crafted/chaoyang-jinzhan-2022.txt@2023-02-10");
        assertEquals(1, exit, err.toString());
        List<JsonNode> late = jsonLines().stream().filter(n -> n.path("ruleId").asText().equals("R-DL-01")).toList();
        assertEquals(1, late.size(), out.toString());
        assertEquals(2022, late.get(0).path("year").asInt());
        assertEquals("2023-02-10", late.get(0).path("actual").asText());
    }

    @Test
    void aBadDateAfterTheFileIsAUsageError() {
        assertEquals(2, run("check", SAMPLES + "anfeng-2020.txt@2021-02-30"));
        assertTrue(err.toString().contains("yyyy-MM-dd"), err.toString());
    }

    @Test
    void arithmeticAlertsShowTheirCellsAndTheBlankCellNoteIsOnePerTable() throws Exception {
        run("check", "--format", "json", SAMPLES + "chaoyang-jinzhan-2021.txt", SAMPLES + "crafted/chaoyang-jinzhan-2022.txt");
        JsonNode total = jsonLines().stream().filter(n -> n.path("ruleId").asText().equals("R-CONT-01")
                && n.path("location").path("column").asText().equals("总计")).findFirst().orElseThrow();
        assertEquals(1, total.path("delta").asLong());
        assertEquals("CARRY_FORWARD", total.path("left").get(0).path("row").asText());
        assertEquals(3, total.path("left").get(0).path("value").asLong());
        assertEquals("CARRIED_OVER", total.path("right").get(0).path("row").asText());
        assertEquals(2, total.path("right").get(0).path("value").asLong());
        List<JsonNode> cellNotes = jsonLines().stream().filter(n -> n.path("ruleId").asText().equals("R-CELL-01")).toList();
        assertTrue(cellNotes.stream().map(n -> n.path("year").asInt() + "/" + n.path("location").path("section").asInt()).distinct().count()
                == cellNotes.size(), "at most one note per report and table: " + cellNotes);
    }
}
