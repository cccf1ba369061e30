package gongkai.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gongkai.avro.ComplianceAlert;
import gongkai.watch.AlertFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The alerts a filter shows, as CSV (UTF-8 with BOM, so Excel reads the Chinese) and as .xlsx. */
final class Exports {
    static final List<String> COLUMNS = List.of("severity", "ruleId", "kind", "agency", "year", "section", "row", "column", "expected", "actual",
            "messageZh", "message", "review", "reviewer", "reviewComment", "reportId", "reportSha256", "receivedAt", "eventAt", "alertKey");

    private Exports() {
    }

    static List<List<String>> rows(List<ComplianceAlert> alerts, boolean guardFormulas) {
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceAlert a : alerts) {
            Map<String, Object> f = AlertFormatter.fields(a);
            @SuppressWarnings("unchecked")
            Map<String, Object> loc = (Map<String, Object>) f.get("location");
            List<String> row = new ArrayList<>();
            for (String c : COLUMNS) {
                Object v = switch (c) {
                    case "section", "row", "column" -> loc.get(c);
                    case "review" -> a.getReview() == null ? null : a.getReview().getAction().name();
                    case "reviewer" -> a.getReview() == null ? null : a.getReview().getReviewer();
                    case "reviewComment" -> a.getReview() == null ? null : a.getReview().getComment();
                    default -> f.get(c);
                };
                row.add(v == null ? "" : guardFormulas ? noFormula(v.toString()) : v.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Report text is untrusted: a cell a spreadsheet would run as a formula is prefixed with ' (numbers stay numbers). */
    static String noFormula(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            return "'" + s;
        }
        return s;
    }

    static byte[] csv(List<ComplianceAlert> alerts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (List<String> row : rows(alerts, true)) {
                p.printRecord(row);
            }
        }
        return out.toByteArray();
    }

    static byte[] xlsx(List<ComplianceAlert> alerts) throws IOException {
        // Streaming: rows go to a temporary file as they are written, so thousands of alerts need neither the heap nor seconds.
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("告警 alerts");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
            // Cells are written as strings, never as formulas: .xlsx needs no guard.
            List<List<String>> rows = rows(alerts, false);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    if (COLUMNS.get(i).equals("year") || COLUMNS.get(i).equals("section")) {
                        row.createCell(i).setCellValue(Double.parseDouble(values.get(i)));
                    } else {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            wb.write(out);
            return out.toByteArray();
        } finally {
            wb.dispose();
            wb.close();
        }
    }
}
