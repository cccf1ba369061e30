package gongkai.parse;

import gongkai.text.SafeText;
import java.util.ArrayList;
import java.util.List;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.ClaimPart;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.ParseWarning;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.avro.SectionHeading;
import gongkai.report.RequestTable;

/** Renders a parsed report as a person reads it: aligned tables with the template's Chinese labels. */
public final class ReportTables {
    private ReportTables() {
    }

    private static final int MAX_LABEL = 40;

    public static String render(DisclosureReport r) {
        StringBuilder out = new StringBuilder();
        line(out, r.getAgency() + " " + r.getYear() + "年 (" + r.getTemplate() + ", 机关名称来源 " + r.getAgencySource() + ")");
        line(out, "标题: " + r.getTitle().replace('\n', ' '));
        line(out, "来源: " + r.getVersion().getSource() + "  sha256 " + r.getVersion().getSha256());
        out.append('\n');
        line(out, "章节:");
        for (SectionHeading h : r.getSections()) {
            line(out, "  " + h.getNumber() + "  " + h.getHeading() + "  [" + h.getNumbering() + "]");
        }

        out.append("\n二、主动公开政府信息情况\n");
        String item = null;
        List<List<String>> rows = new ArrayList<>();
        for (ActiveDisclosureRow row : r.getActiveDisclosure()) {
            if (!row.getItem().equals(item)) {
                flush(out, rows);
                item = row.getItem();
                line(out, "  " + item);
                List<String> header = new ArrayList<>(List.of("信息内容"));
                row.getCells().forEach(c -> header.add(c.getHeader()));
                rows.add(header);
            }
            List<String> cells = new ArrayList<>(List.of(row.getName()));
            for (ActiveDisclosureCell c : row.getCells()) {
                cells.add(c.getRaw());
            }
            rows.add(cells);
        }
        flush(out, rows);

        out.append("\n三、收到和处理政府信息公开申请情况\n");
        List<String> header = new ArrayList<>(List.of(""));
        header.addAll(RequestTable.COLUMNS);
        rows.add(header);
        for (RequestRow row : r.getRequestTable()) {
            List<String> cells = new ArrayList<>(List.of(SafeText.clip(row.getLabel(), MAX_LABEL)));
            for (int i = 0; i < row.getCells().size(); i++) {
                Long v = row.getCells().get(i);
                cells.add(v != null ? v.toString() : row.getRaw().get(i).isEmpty() ? "(空)" : "?" + row.getRaw().get(i));
            }
            rows.add(cells);
        }
        flush(out, rows);

        out.append("\n四、政府信息公开行政复议、行政诉讼情况\n");
        List<String> reviewHeader = new ArrayList<>(List.of(""));
        reviewHeader.addAll(ReviewTableReader.COLUMNS);
        rows.add(reviewHeader);
        for (int g = 0; g < r.getReview().size(); g++) {
            ReviewGroup group = r.getReview().get(g);
            rows.add(List.of(ReviewTableReader.GROUP_NAMES.get(g), num(group.getUpheld()), num(group.getCorrected()),
                    num(group.getOther()), num(group.getPending()), num(group.getTotal())));
        }
        flush(out, rows);

        out.append('\n');
        line(out, "六、收费情况: " + (r.getFeeStatement() == null ? "(未说明)" : r.getFeeStatement()));
        if (!r.getClaims().isEmpty()) {
            out.append("\n正文所述数字:\n");
            for (NarrativeClaim c : r.getClaims()) {
                StringBuilder parts = new StringBuilder();
                for (ClaimPart p : c.getParts()) {
                    parts.append(parts.length() == 0 ? "  其中 " : " + ").append(p.getLabel()).append(' ').append(p.getValue());
                }
                line(out, "  " + SafeText.pad(c.getKind().toString(), 14) + SafeText.padLeft(Long.toString(c.getValue()), 6)
                        + "  「" + c.getPhrase() + "」" + parts);
            }
        }
        if (!r.getWarnings().isEmpty()) {
            out.append("\n解析提示:\n");
            for (ParseWarning w : r.getWarnings()) {
                line(out, "  " + w.getCode() + "  " + w.getMessage());
            }
        }
        return out.toString();
    }

    private static String num(Long v) {
        return v == null ? "(空)" : v.toString();
    }

    private static void line(StringBuilder out, String s) {
        out.append(SafeText.oneLine(s)).append('\n');
    }

    /** Prints the collected rows with each column as wide as its widest cell, numbers right-aligned. */
    private static void flush(StringBuilder out, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                int w = SafeText.width(SafeText.oneLine(row.get(i)));
                if (i >= widths.size()) {
                    widths.add(w);
                } else if (w > widths.get(i)) {
                    widths.set(i, w);
                }
            }
        }
        for (List<String> row : rows) {
            StringBuilder b = new StringBuilder("  ");
            for (int i = 0; i < row.size(); i++) {
                String cell = SafeText.oneLine(row.get(i));
                boolean numeric = i > 0 && !cell.isEmpty() && cell.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-') || cell.equals("(空)");
                b.append(numeric ? SafeText.padLeft(cell, widths.get(i)) : SafeText.pad(cell, widths.get(i)));
                b.append(i + 1 < row.size() ? "  " : "");
            }
            out.append(b.toString().stripTrailing()).append('\n');
        }
        rows.clear();
    }
}
