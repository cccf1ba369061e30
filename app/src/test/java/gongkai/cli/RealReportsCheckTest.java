package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Real published reports are clean (every identity of sections 3 and 4 holds): {@code ./monitor check} must raise no
 * ERROR on them. An ERROR here is the monitor misreading what an agency published.
 */
class RealReportsCheckTest {
    @ParameterizedTest
    @ValueSource(strings = {"huaian-city-2024.pdf", "pingtan-zone-2023.html"})
    void aCleanRealReportRaisesNoError(String file) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Monitor.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("check", "--format", "json", "../parser/src/test/resources/real/" + file);
        List<String> errors = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                JsonNode n = new ObjectMapper().readTree(line);
                if ("ERROR".equals(n.path("severity").asText())) {
                    errors.add(n.path("ruleId").asText() + " " + n.path("message").asText());
                }
            }
        }
        assertEquals(List.of(), errors, out.toString());
        assertEquals(0, exit, out + "\n" + err);
    }
}
