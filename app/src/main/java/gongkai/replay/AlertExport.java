package gongkai.replay;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gongkai.avro.ComplianceAlert;
import gongkai.watch.AlertFormatter;
import gongkai.watch.AlertTable;

/** Writes standing alerts as JSON and CSV files for auditors, atomically (a half-written file is never left behind). */
public final class AlertExport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AlertExport() {
    }

    public static void writeJson(Path file, List<ComplianceAlert> alerts) throws IOException {
        List<Map<String, Object>> rows = alerts.stream().map(AlertExport::withoutStatus).toList();
        writeAtomically(file, w -> w.write(JSON.writeValueAsString(rows) + "\n"));
    }

    /** The columns of {@link AlertTable}, the same as the dashboard's export. */
    public static void writeCsv(Path file, List<ComplianceAlert> alerts) throws IOException {
        writeAtomically(file, w -> AlertTable.writeCsv(w, alerts));
    }

    private static Map<String, Object> withoutStatus(ComplianceAlert a) {
        Map<String, Object> f = AlertFormatter.fields(a);
        f.remove("status");
        return f;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
