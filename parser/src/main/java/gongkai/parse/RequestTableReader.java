package gongkai.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.avro.RequestRow;
import gongkai.avro.TemplateVersion;
import gongkai.report.RequestTable;

/**
 * Reads section 3 (收到和处理政府信息公开申请情况) into the {@link RequestTable} row codes. Rows are recognised by
 * their labels, not their position, so a shifted or merged layout still lands on the right code: a group label
 * (（三）不予公开…) is printed once and its numbered sub-rows (1.…8.) follow with a blank where it was merged.
 */
final class RequestTableReader {
    private RequestTableReader() {
    }

    private static final int COLUMNS = RequestTable.COLUMNS.size();
    private static final Pattern SUB_NUMBER = Pattern.compile("^(\\d{1,2})[.．、]");
    private static final String[] HEADER_WORDS = {"自然人", "申请人情况", "商业企业", "法人或其他组织", "勾稽关系"};

    /** A row as read: code, printed label, the seven printed cells; {@code line} locates its table. */
    record Row(String code, String label, List<String> cells, int tableLine) {
    }

    /** The rows found by code, in the order read, and the last row read (for truncation messages). */
    record Result(Map<String, Row> rows, Row last, boolean hasOtherSubRows, boolean hasSingleOther, boolean foundTable) {
        TemplateVersion structure() {
            if (hasOtherSubRows) {
                return TemplateVersion.T2021;
            }
            return hasSingleOther ? TemplateVersion.T2019 : null;
        }
    }

    private enum Group {
        WITHHELD("不予公开", 8), UNABLE("无法提供", 3), NOT_PROCESSED("不予处理", 5), OTHER("其他处理", 3);

        final String keyword;
        final int size;

        Group(String keyword, int size) {
            this.keyword = keyword;
            this.size = size;
        }
    }

    static Result read(List<Block> blocks, Warnings warnings, String source) throws ReportRejectedException {
        Map<String, Row> rows = new LinkedHashMap<>();
        Row last = null;
        Group group = null;
        String groupLabel = null;
        int counter = 0;
        boolean subRows = false;
        boolean single = false;
        boolean found = false;
        for (Block b : blocks) {
            if (!(b instanceof Block.Table t)) {
                continue;
            }
            found = true;
            for (List<String> row : t.rows()) {
                int lastLabel = -1;
                for (int i = 0; i < row.size(); i++) {
                    if (!Cells.isValueLike(row.get(i))) {
                        lastLabel = i;
                    }
                }
                if (lastLabel < 0) {
                    if (row.stream().anyMatch(c -> !Cells.squash(c).isEmpty())) {
                        warnings.add("UNREAD_ROW", 3, null, null, "section 3: a row without a label (" + String.join(" ", row).strip() + ") was not read");
                    }
                    continue;
                }
                List<String> labels = row.subList(0, lastLabel + 1).stream().map(Cells::squash).filter(s -> !s.isEmpty()).toList();
                String joined = String.join("", labels);
                if (isHeader(joined)) {
                    continue;
                }
                List<String> values = row.subList(lastLabel + 1, row.size());
                String lastText = labels.get(labels.size() - 1);
                String code = topLevelCode(joined);
                String label = lastText;
                if (code != null) {
                    group = null;
                } else {
                    Group g = groupOf(joined);
                    if (g != null) {
                        group = g;
                        groupLabel = labels.stream().filter(l -> l.contains(g.keyword)).findFirst().orElse(lastText);
                        counter = 0;
                    }
                    if (group == null) {
                        warnings.add("UNREAD_ROW", 3, lastText, null, "section 3: row \"" + lastText + "\" is not a row of the template; not read");
                        continue;
                    }
                    Matcher m = SUB_NUMBER.matcher(Cells.halfWidth(lastText));
                    int index;
                    if (m.find()) {
                        index = Integer.parseInt(m.group(1));
                    } else if (lastText.equals(groupLabel)) {
                        index = 0;
                    } else {
                        index = counter + 1;
                    }
                    counter = Math.max(counter, index);
                    code = subCode(group, index);
                    label = index == 0 ? groupLabel : groupLabel + " " + lastText;
                    if (group == Group.OTHER) {
                        subRows |= index > 0;
                        single |= index == 0;
                    }
                    if (code == null) {
                        warnings.add("UNREAD_ROW", 3, label, null, "section 3: row \"" + label + "\" is beyond the rows of the template; not read");
                        continue;
                    }
                }
                if (values.isEmpty()) {
                    // A label with no cells after it is how a cut-off table ends; the caller reports the missing row.
                    continue;
                }
                Row read = new Row(code, label, values, t.line());
                if (values.size() < COLUMNS) {
                    throw new ReportRejectedException(RejectionReason.TABLE_TRUNCATED, source,
                            "section 3 (table at line " + t.line() + "), row " + label + " (" + code + ") has only "
                                    + values.size() + " of " + COLUMNS + " cells" + lastReadSuffix(last));
                }
                if (values.size() > COLUMNS) {
                    warnings.add("EXTRA_CELLS", 3, code, null, "section 3: row " + label + " has " + values.size()
                            + " cells; the last " + COLUMNS + " were read");
                    read = new Row(code, label, values.subList(values.size() - COLUMNS, values.size()), t.line());
                }
                if (rows.containsKey(code)) {
                    warnings.add("DUPLICATE_ROW", 3, code, null, "section 3: row " + label + " (" + code + ") appears twice; the first was kept");
                    continue;
                }
                rows.put(code, read);
                last = read;
            }
        }
        return new Result(rows, last, subRows, single, found);
    }

    static String lastReadSuffix(Row last) {
        return last == null ? "; no row of the table could be read" : "; the last row read was " + last.label() + " (" + last.code() + ")";
    }

    private static boolean isHeader(String joined) {
        for (String w : HEADER_WORDS) {
            if (joined.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String topLevelCode(String joined) {
        if (joined.contains("本年新收")) {
            return RequestTable.NEW;
        }
        if (joined.contains("上年结转")) {
            return RequestTable.CARRIED_OVER;
        }
        if (joined.contains("结转下年度") || joined.contains("下年度继续办理")) {
            return RequestTable.CARRY_FORWARD;
        }
        if (joined.contains("总计")) {
            return RequestTable.RESULT_TOTAL;
        }
        if (joined.contains("部分公开")) {
            return RequestTable.PARTIAL;
        }
        if (joined.contains("予以公开") && !joined.contains("不予以公开")) {
            return RequestTable.DISCLOSED;
        }
        return null;
    }

    private static Group groupOf(String joined) {
        for (Group g : Group.values()) {
            if (joined.contains(g.keyword)) {
                return g;
            }
        }
        return null;
    }

    private static String subCode(Group g, int index) {
        if (index == 0) {
            return g == Group.OTHER ? "OTHER" : null;
        }
        if (index > g.size) {
            return null;
        }
        return g.name() + "_" + index;
    }

    /**
     * The rows in template order with their numbers, or TABLE_TRUNCATED naming the first row the template needs
     * that the table does not have.
     */
    static List<RequestRow> complete(Result result, TemplateVersion template, Warnings warnings, String source)
            throws ReportRejectedException {
        List<RequestRow> out = new ArrayList<>();
        for (String code : RequestTable.rowCodes(template)) {
            Row row = result.rows().get(code);
            if (row == null) {
                String what = RequestTable.CARRY_FORWARD.equals(code)
                        ? "section 3 ends before 四、结转下年度继续办理 (CARRY_FORWARD)"
                        : "section 3 has no row " + code + " (" + template + " template)";
                throw new ReportRejectedException(RejectionReason.TABLE_TRUNCATED, source, what + lastReadSuffix(result.last()));
            }
            List<Long> cells = new ArrayList<>(COLUMNS);
            List<String> raw = new ArrayList<>(COLUMNS);
            for (int i = 0; i < COLUMNS; i++) {
                Cells.Number n = Cells.integer(row.cells().get(i));
                warnings.cell(n, 3, code, RequestTable.COLUMNS.get(i));
                cells.add(n.asLong());
                raw.add(n.raw());
            }
            out.add(RequestRow.newBuilder().setCode(code).setLabel(row.label()).setCells(cells).setRaw(raw).build());
        }
        return out;
    }
}
