package gongkai.watch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.avro.AlertLocation;
import gongkai.avro.ComplianceAlert;
import gongkai.text.SafeText;

/** How an alert reads in a terminal (text) or to a program (one JSON object per line). */
public final class AlertFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private AlertFormatter() {
    }

    public static String location(AlertLocation l) {
        StringBuilder s = new StringBuilder("section ").append(l.getSection());
        if (l.getRow() != null) {
            s.append(", row ").append(l.getRow());
        }
        if (l.getColumn() != null) {
            s.append(", column ").append(l.getColumn());
        }
        return s.toString();
    }

    /** Two or three lines: status, severity, rule, agency and year; the Chinese message; the English message. */
    public static String text(ComplianceAlert a) {
        String head = String.format("%s %-7s %-9s %s %d  [%s]  expected %s, actual %s  (report %s, %s)",
                a.getStatus(), a.getSeverity(), a.getRuleId(), SafeText.forLog(a.getAgency()), a.getYear(),
                SafeText.forLog(location(a.getLocation())), SafeText.forLog(a.getExpected()), SafeText.forLog(a.getActual()),
                a.getReport().getSha256().substring(0, Math.min(12, a.getReport().getSha256().length())),
                TIME.format(a.getEventAt()));
        return head + "\n    " + SafeText.forLog(a.getMessageZh(), 400) + "\n    " + SafeText.forLog(a.getMessageEn(), 400);
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
        return m;
    }

    public static String json(ComplianceAlert a) {
        try {
            return JSON.writeValueAsString(fields(a));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
