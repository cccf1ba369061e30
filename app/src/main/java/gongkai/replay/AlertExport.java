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

/** Writes standing alerts as JSON and CSV files for auditors, atomically (a half-written file is never left behind). */
public final class AlertExport {
    static final List<String> CSV_COLUMNS = List.of("ruleId", "kind", "severity", "agency", "year", "section", "row", "column",
            "expected", "actual", "message", "messageZh", "reportId", "reportSha256", "receivedAt", "comparedWithSha256",
            "comparedWithReceivedAt", "eventAt", "alertKey", "delta", "reviewAction", "reviewer", "reviewComment", "reviewedAt");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AlertExport() {
    }

    public static void writeJson(Path file, List<ComplianceAlert> alerts) throws IOException {
        List<Map<String, Object>> rows = alerts.stream().map(AlertExport::withoutStatus).toList();
        writeAtomically(file, w -> w.write(JSON.writeValueAsString(rows) + "\n"));
    }

    public static void writeCsv(Path file, List<ComplianceAlert> alerts) throws IOException {
        writeAtomically(file, w -> {
            w.write(String.join(",", CSV_COLUMNS) + "\r\n");
            for (ComplianceAlert a : alerts) {
                Map<String, Object> f = withoutStatus(a);
                @SuppressWarnings("unchecked")
                Map<String, Object> loc = (Map<String, Object>) f.get("location");
                StringBuilder line = new StringBuilder();
                for (String c : CSV_COLUMNS) {
                    Object v = switch (c) {
                        case "section", "row", "column" -> loc.get(c);
                        case "reviewAction" -> a.getReview() == null ? null : a.getReview().getAction().name();
                        case "reviewer" -> a.getReview() == null ? null : a.getReview().getReviewer();
                        case "reviewComment" -> a.getReview() == null ? null : a.getReview().getComment();
                        case "reviewedAt" -> a.getReview() == null ? null : a.getReview().getReviewedAt().toString();
                        default -> f.get(c);
                    };
                    if (line.length() > 0) {
                        line.append(',');
                    }
                    line.append(csv(v));
                }
                w.write(line + "\r\n");
            }
        });
    }

    /** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with ' (report text is untrusted). */
    static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
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
