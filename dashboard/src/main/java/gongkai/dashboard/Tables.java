package gongkai.dashboard;

import java.util.List;
import java.util.Map;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.report.RequestTable;

/**
 * A parsed report's tables as HTML, as a person reads them. Each cell carries {@code data-cell}
 * (section|row|column, the key alerts use) so the alerts naming it can be marked; marked cells get the
 * classes {@code alert-cell} and the side of the identity, and the alert keys in {@code data-alerts}.
 */
final class Tables {
    private Tables() {
    }

    static final List<String> REVIEW_COLUMNS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    private static final List<String> REVIEW_GROUPS = List.of("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉");

    /** Marks by cell key: which alerts name the cell, and the side. */
    record Marks(Map<String, List<String>> alerts, Map<String, CellMark.Side> sides, Map<String, String> messages) {
        static Marks none() {
            return new Marks(Map.of(), Map.of(), Map.of());
        }
    }

    static String requestTable(DisclosureReport r, Marks marks) {
        StringBuilder h = new StringBuilder("<table class=\"report-table s3\" data-report=\"").append(Html.attr(r.getReportId())).append("\">");
        h.append("<thead><tr><th></th>");
        for (String c : RequestTable.COLUMNS) {
            h.append("<th>").append(Html.text(c)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (RequestRow row : r.getRequestTable()) {
            String code = row.getCode();
            String cls = RequestTable.CARRIED_OVER.equals(code) ? " class=\"carried-over\""
                    : RequestTable.CARRY_FORWARD.equals(code) ? " class=\"carry-forward\"" : "";
            h.append("<tr data-row=\"").append(Html.attr(code)).append('"').append(cls).append("><th>")
                    .append(groupOf(code, CellMark.plain(row.getLabel()))).append(Html.text(CellMark.plain(row.getLabel()))).append("</th>");
            for (int i = 0; i < row.getCells().size() && i < RequestTable.COLUMNS.size(); i++) {
                Long v = row.getCells().get(i);
                String raw = i < row.getRaw().size() ? row.getRaw().get(i) : "";
                String shown = v != null ? v.toString() : raw.isEmpty() ? "（空）" : raw;
                h.append(cell(CellMark.key(3, code, RequestTable.COLUMNS.get(i)), shown, marks));
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static final Map<String, String> GROUPS = Map.of("WITHHELD_", "（三）不予公开", "UNABLE_", "（四）无法提供",
            "NOT_PROCESSED_", "（五）不予处理", "OTHER_", "（六）其他处理");

    /** Sub-rows print as "1.属于国家秘密" under a merged parent cell: the parent's name goes before them, muted. */
    private static String groupOf(String code, String label) {
        for (Map.Entry<String, String> g : GROUPS.entrySet()) {
            if (code.startsWith(g.getKey()) && !label.contains(g.getValue().substring(3))) {
                return "<span class=\"group\">" + g.getValue() + "</span> ";
            }
        }
        return "";
    }

    static String activeTable(DisclosureReport r, Marks marks) {
        StringBuilder h = new StringBuilder("<table class=\"report-table s2\"><tbody>");
        String item = null;
        for (ActiveDisclosureRow row : r.getActiveDisclosure()) {
            if (!row.getItem().equals(item)) {
                item = row.getItem();
                h.append("<tr class=\"item\"><th>").append(Html.text(CellMark.plain(item))).append("</th>");
                for (ActiveDisclosureCell c : row.getCells()) {
                    h.append("<th>").append(Html.text(CellMark.plain(c.getHeader()))).append("</th>");
                }
                h.append("</tr>");
            }
            String rowKey = CellMark.plain(item).isEmpty() ? CellMark.plain(row.getName())
                    : CellMark.plain(row.getName()).isEmpty() ? CellMark.plain(item) : CellMark.plain(item) + " " + CellMark.plain(row.getName());
            h.append("<tr><th>").append(Html.text(CellMark.plain(row.getName()))).append("</th>");
            for (ActiveDisclosureCell c : row.getCells()) {
                h.append(cell(CellMark.key(2, rowKey, c.getHeader()), c.getRaw().isEmpty() ? "（空）" : c.getRaw(), marks));
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    static String reviewTable(DisclosureReport r, Marks marks) {
        StringBuilder h = new StringBuilder("<table class=\"report-table s4\"><thead><tr><th></th>");
        REVIEW_COLUMNS.forEach(c -> h.append("<th>").append(Html.text(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (int g = 0; g < r.getReview().size(); g++) {
            ReviewGroup group = r.getReview().get(g);
            String name = group.getGroup().name();
            h.append("<tr><th>").append(Html.text(g < REVIEW_GROUPS.size() ? REVIEW_GROUPS.get(g) : name)).append("</th>");
            Long[] values = {group.getUpheld(), group.getCorrected(), group.getOther(), group.getPending(), group.getTotal()};
            for (int i = 0; i < values.length; i++) {
                h.append(cell(CellMark.key(4, name, REVIEW_COLUMNS.get(i)), values[i] == null ? "（空）" : values[i].toString(), marks));
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static String cell(String key, String shown, Marks marks) {
        List<String> alerts = marks.alerts().get(key);
        StringBuilder h = new StringBuilder("<td data-cell=\"").append(Html.attr(key)).append('"');
        if (alerts != null && !alerts.isEmpty()) {
            CellMark.Side side = marks.sides().get(key);
            h.append(" class=\"alert-cell side-").append(side.name().toLowerCase(java.util.Locale.ROOT)).append('"')
                    .append(" data-alerts=\"").append(Html.attr(String.join(" ", alerts.stream().map(Tables::anchor).toList()))).append('"')
                    .append(" title=\"").append(Html.attr(marks.messages().get(key))).append('"');
        }
        return h.append('>').append(Html.text(shown)).append("</td>").toString();
    }

    /** An alert key as an HTML id (keys contain | / and Chinese; ids only need to be unique and stable). */
    static String anchor(String alertKey) {
        return "a-" + gongkai.text.Sha256.prefix(alertKey, 8);
    }
}
