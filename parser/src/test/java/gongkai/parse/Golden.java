package gongkai.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.ClaimPart;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.avro.SectionHeading;

/**
 * The golden format: one fact per line, written by hand from the sample text. A report is rendered into the same
 * lines and the two lists compared, so a failure shows every differing fact at once.
 */
final class Golden {
    private Golden() {
    }

    static List<String> expected(String name) {
        String text = new String(Samples.resource("/golden/" + name + ".expected"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    static List<String> actual(DisclosureReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("agency " + r.getAgency());
        lines.add("agencySource " + r.getAgencySource());
        lines.add("year " + r.getYear());
        lines.add("template " + r.getTemplate());
        lines.add("title " + r.getTitle().replace("\n", "\\n"));
        for (SectionHeading h : r.getSections()) {
            lines.add("section " + h.getNumber() + " " + h.getNumbering() + " " + h.getHeading());
        }
        lines.add("fee " + (r.getFeeStatement() == null ? "absent" : "present"));
        for (NarrativeClaim c : r.getClaims()) {
            StringJoiner parts = new StringJoiner(" ", " parts ", "").setEmptyValue("");
            for (ClaimPart p : c.getParts()) {
                parts.add(p.getLabel() + "=" + p.getValue());
            }
            lines.add("claim " + c.getKind() + " " + c.getValue() + parts);
        }
        for (ActiveDisclosureRow row : r.getActiveDisclosure()) {
            StringJoiner cells = new StringJoiner(" ");
            for (ActiveDisclosureCell c : row.getCells()) {
                cells.add(c.getHeader() + "=" + (c.getRaw().isEmpty() ? "_" : c.getRaw()));
            }
            lines.add("s2 " + row.getItem() + " | " + row.getName() + " | " + cells);
        }
        for (RequestRow row : r.getRequestTable()) {
            StringJoiner cells = new StringJoiner(" ");
            row.getCells().forEach(v -> cells.add(v == null ? "_" : v.toString()));
            lines.add("s3 " + row.getCode() + " " + cells);
        }
        for (ReviewGroup g : r.getReview()) {
            lines.add("s4 " + g.getGroup() + " " + n(g.getUpheld()) + " " + n(g.getCorrected()) + " " + n(g.getOther())
                    + " " + n(g.getPending()) + " " + n(g.getTotal()));
        }
        return lines;
    }

    private static String n(Long v) {
        return v == null ? "_" : v.toString();
    }
}
