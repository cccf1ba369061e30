package gongkai.watch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.avro.AlertLocation;
import gongkai.avro.AlertReview;
import gongkai.avro.CellRef;
import gongkai.avro.ComplianceAlert;
import gongkai.report.Place;
import gongkai.text.SafeText;

/** How an alert reads in a terminal (text) or to a program (one JSON object per line). */
public final class AlertFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AlertFormatter() {
    }

    /** Where the alert is, in English ("Section 3, row 一 new requests, column natural persons"). */
    public static String location(AlertLocation l) {
        return Place.of(l).en();
    }

    /** Two or three lines: status, severity, rule, agency and year; the Chinese message; the English message. */
    public static String text(ComplianceAlert a) {
        String head = String.format("%s %-7s %-9s %s %d  [%s]  expected %s, actual %s  (report %s, %s)",
                a.getStatus(), a.getSeverity(), a.getRuleId(), SafeText.forLog(a.getAgency()), a.getYear(),
                SafeText.forLog(location(a.getLocation())), SafeText.forLog(a.getExpected()), SafeText.forLog(a.getActual()),
                a.getReport().getSha256().substring(0, Math.min(12, a.getReport().getSha256().length())),
                TIME.format(a.getEventAt()));
        StringBuilder out = new StringBuilder(head);
        if (a.getReview() != null) {
            out.append("  ").append(a.getReview().getAction()).append(" by ").append(SafeText.forLog(a.getReview().getReviewer()))
                    .append(' ').append(TIME.format(a.getReview().getReviewedAt()));
        }
        out.append("\n    ").append(SafeText.forLog(a.getMessageZh(), 400)).append("\n    ").append(SafeText.forLog(a.getMessageEn(), 400));
        out.append("\n    key ").append(SafeText.forLog(a.getAlertKey(), 300));
        if (a.getDelta() != null) {
            out.append("\n    ").append(cells(a.getLeft())).append("  −  ").append(cells(a.getRight())).append("  =  ").append(a.getDelta());
        }
        return out.toString();
    }

    /** "NEW/总计 859 + CARRIED_OVER/总计 (blank)": the cells of one side of an identity. */
    private static String cells(java.util.List<CellRef> cells) {
        java.util.StringJoiner out = new java.util.StringJoiner(" + ");
        for (CellRef c : cells) {
            out.add(SafeText.forLog(c.getRow() + "/" + c.getColumn(), 80) + " "
                    + (c.getValue() == null ? "(" + (c.getKind() == null ? "blank" : c.getKind().name().toLowerCase(java.util.Locale.ROOT)) + ")" : c.getValue()));
        }
        return out.toString();
    }

    public static Map<String, Object> fields(ComplianceAlert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", a.getStatus().name());
        m.put("ruleId", a.getRuleId());
        m.put("kind", a.getKind());
        m.put("severity", a.getSeverity().name());
        m.put("agency", a.getAgency());
        m.put("year", a.getYear());
        Map<String, Object> loc = new LinkedHashMap<>();
        loc.put("section", a.getLocation().getSection());
        loc.put("row", a.getLocation().getRow());
        loc.put("column", a.getLocation().getColumn());
        m.put("location", loc);
        m.put("expected", a.getExpected());
        m.put("actual", a.getActual());
        m.put("message", a.getMessageEn());
        m.put("messageZh", a.getMessageZh());
        m.put("reportId", a.getReportId());
        m.put("reportSha256", a.getReport().getSha256());
        m.put("receivedAt", a.getReport().getReceivedAt().toString());
        if (a.getComparedWith() != null) {
            m.put("comparedWithSha256", a.getComparedWith().getSha256());
            m.put("comparedWithReceivedAt", a.getComparedWith().getReceivedAt().toString());
        }
        m.put("eventAt", a.getEventAt().toString());
        m.put("alertKey", a.getAlertKey());
        if (a.getDelta() != null) {
            m.put("delta", a.getDelta());
        }
        if (!a.getLeft().isEmpty() || !a.getRight().isEmpty()) {
            m.put("left", a.getLeft().stream().map(AlertFormatter::cell).toList());
            m.put("right", a.getRight().stream().map(AlertFormatter::cell).toList());
        }
        if (a.getReview() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("action", a.getReview().getAction().name());
            r.put("reviewer", a.getReview().getReviewer());
            r.put("comment", a.getReview().getComment());
            r.put("reviewedAt", a.getReview().getReviewedAt().toString());
            m.put("review", r);
        }
        return m;
    }

    private static Map<String, Object> cell(CellRef c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", c.getSection());
        m.put("row", c.getRow());
        m.put("column", c.getColumn());
        m.put("value", c.getValue());
        m.put("kind", c.getKind() == null ? null : c.getKind().name());
        if (c.getReportId() != null) {
            m.put("reportId", c.getReportId());
        }
        return m;
    }

    /** One line: who decided what about which alert, and when. */
    public static String review(AlertReview r) {
        return String.format("%s  %-11s %s  by %s%s", TIME.format(r.getReviewedAt()), r.getAction(), SafeText.forLog(r.getAlertKey()),
                SafeText.forLog(r.getReviewer()), r.getComment().isBlank() ? "" : ": " + SafeText.forLog(r.getComment(), 300));
    }

    public static String json(ComplianceAlert a) {
        try {
            return JSON.writeValueAsString(fields(a));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
