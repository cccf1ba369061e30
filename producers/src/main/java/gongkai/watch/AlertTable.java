package gongkai.watch;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import gongkai.avro.ComplianceAlert;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Alerts as a table, one row per alert and one column per field: what an office downloads from the dashboard and an
 * auditor gets from a replay. One column set for both, so a spreadsheet made from one reads the other.
 */
public final class AlertTable {
    public static final List<String> COLUMNS = List.of("severity", "ruleId", "kind", "agency", "year", "section", "row", "column",
            "expected", "actual", "delta", "messageZh", "message", "reviewAction", "reviewer", "reviewComment", "reviewedAt",
            "reportId", "reportSha256", "receivedAt", "comparedWithSha256", "comparedWithReceivedAt", "eventAt", "alertKey");

    private AlertTable() {
    }

    /** The rows, each as long as {@link #COLUMNS}; empty strings for absent fields. */
    public static List<List<String>> rows(List<ComplianceAlert> alerts, boolean guardFormulas) {
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceAlert a : alerts) {
            Map<String, Object> f = AlertFormatter.fields(a);
            @SuppressWarnings("unchecked")
            Map<String, Object> loc = (Map<String, Object>) f.get("location");
            List<String> row = new ArrayList<>();
            for (String c : COLUMNS) {
                Object v = switch (c) {
                    case "section", "row", "column" -> loc.get(c);
                    case "reviewAction" -> a.getReview() == null ? null : a.getReview().getAction().name();
                    case "reviewer" -> a.getReview() == null ? null : a.getReview().getReviewer();
                    case "reviewComment" -> a.getReview() == null ? null : a.getReview().getComment();
                    case "reviewedAt" -> a.getReview() == null ? null : a.getReview().getReviewedAt().toString();
                    default -> f.get(c);
                };
                row.add(v == null ? "" : guardFormulas ? noFormula(v.toString()) : v.toString());
            }
            rows.add(row);
        }
        return rows;
    }

    /** RFC 4180 CSV with a header line; formulas guarded, since report text is untrusted. */
    public static void writeCsv(Writer out, List<ComplianceAlert> alerts) throws IOException {
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (List<String> row : rows(alerts, true)) {
                p.printRecord(row);
            }
        }
    }

    /** A cell a spreadsheet would run as a formula is prefixed with ' (numbers stay numbers). */
    public static String noFormula(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+")) {
            return "'" + s;
        }
        return s;
    }
}
