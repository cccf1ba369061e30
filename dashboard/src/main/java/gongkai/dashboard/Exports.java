package gongkai.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import gongkai.avro.ComplianceAlert;
import gongkai.watch.AlertTable;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The alerts a filter shows, as CSV (UTF-8 with BOM, so Excel reads the Chinese) and as .xlsx. */
final class Exports {
    static final List<String> COLUMNS = AlertTable.COLUMNS;

    private Exports() {
    }

    static byte[] csv(List<ComplianceAlert> alerts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        AlertTable.writeCsv(new OutputStreamWriter(out, StandardCharsets.UTF_8), alerts);
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
            List<List<String>> rows = AlertTable.rows(alerts, false);
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
