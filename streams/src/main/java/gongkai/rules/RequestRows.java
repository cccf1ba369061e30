package gongkai.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.TemplateVersion;
import gongkai.report.RequestTable;

/** Reading section 3 the way every arithmetic rule must: blanks, unreadable and absent cells count as 0. */
final class RequestRows {
    private RequestRows() {
    }

    /** Sub-row groups whose printed labels ("1.属于国家秘密") do not name the group by themselves. */
    private static final Map<String, String[]> GROUPS = Map.of(
            "WITHHELD_", new String[] {"（三）不予公开", "三(三)", "withheld"},
            "UNABLE_", new String[] {"（四）无法提供", "三(四)", "unable to provide"},
            "NOT_PROCESSED_", new String[] {"（五）不予处理", "三(五)", "not processed"},
            "OTHER_", new String[] {"（六）其他处理", "三(六)", "other handling"});
    private static final Map<String, String[]> SINGLE = Map.of(
            RequestTable.NEW, new String[] {"一、本年新收政府信息公开申请数量", "row 一 new requests"},
            RequestTable.CARRIED_OVER, new String[] {"二、上年结转政府信息公开申请数量", "row 二 carried over"},
            RequestTable.DISCLOSED, new String[] {"（一）予以公开", "row 三(一) disclosed"},
            RequestTable.PARTIAL, new String[] {"（二）部分公开", "row 三(二) partly disclosed"},
            "OTHER", new String[] {"（六）其他处理", "row 三(六) other handling"},
            RequestTable.RESULT_TOTAL, new String[] {"（七）总计", "row 三(七) total of results"},
            RequestTable.CARRY_FORWARD, new String[] {"四、结转下年度继续办理", "row 四 carried forward"});

    static Optional<RequestRow> row(DisclosureReport report, String code) {
        return RequestTable.row(report, code);
    }

    /** The rows in table order, each code once (a parser hiccup must not yield two findings with one key). */
    static List<RequestRow> distinctRows(DisclosureReport report) {
        Set<String> seen = new HashSet<>();
        List<RequestRow> rows = new ArrayList<>();
        for (RequestRow row : report.getRequestTable()) {
            if (seen.add(row.getCode())) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The stated number, or null if blank, unreadable or absent. */
    static Long cell(RequestRow row, int column) {
        List<Long> cells = row.getCells();
        return column < cells.size() ? cells.get(column) : null;
    }

    /** The number used for arithmetic: blank counts as 0, as the catalog promises the reader. */
    static long value(RequestRow row, int column) {
        Long cell = cell(row, column);
        return cell == null ? 0L : cell;
    }

    static String raw(RequestRow row, int column) {
        List<String> raw = row.getRaw();
        return raw != null && column < raw.size() && raw.get(column) != null ? raw.get(column) : "";
    }

    /**
     * How the cell was written: the parser says so ({@code kinds}); for reports parsed before it did, the number
     * and the printed text tell the same apart (a 0 printed as "—" or "/" is a zero notation).
     */
    static CellKind kind(RequestRow row, int column) {
        List<CellKind> kinds = row.getKinds();
        if (kinds != null && column < kinds.size() && kinds.get(column) != null) {
            return kinds.get(column);
        }
        Long value = cell(row, column);
        if (value == null) {
            return Text.isBlank(raw(row, column)) ? CellKind.BLANK : CellKind.UNREADABLE;
        }
        if (value != 0) {
            return CellKind.NUMBER;
        }
        String raw = raw(row, column);
        return Text.isBlank(raw) || raw.chars().anyMatch(Character::isDigit) ? CellKind.NUMBER : CellKind.ZERO_NOTATION;
    }

    /** Null and printed as nothing: a blank. Null with text printed is unreadable, which is R-CELL-02's business. */
    static boolean isBlank(RequestRow row, int column) {
        return kind(row, column) == CellKind.BLANK;
    }

    /** Sum of one column over the rows present with these codes. */
    static long sum(DisclosureReport report, List<String> codes, int column) {
        long sum = 0;
        for (String code : codes) {
            sum += row(report, code).map(r -> value(r, column)).orElse(0L);
        }
        return sum;
    }

    /** The result rows （一）…（六） of either template, so a parser/template mismatch cannot hide a row. */
    static List<String> resultRowCodes() {
        Set<String> codes = new LinkedHashSet<>(RequestTable.resultRowCodes(TemplateVersion.T2021));
        codes.addAll(RequestTable.resultRowCodes(TemplateVersion.T2019));
        return List.copyOf(codes);
    }

    /** The row as printed in the report, with its group prepended when the printed label omits it. */
    static String labelZh(DisclosureReport report, String code) {
        String printed = row(report, code).map(r -> Text.plain(r.getLabel())).orElse("");
        String[] group = group(code);
        if (printed.isEmpty()) {
            return labelZh(code);
        }
        String groupWord = group == null ? null : group[0].substring(group[0].indexOf('）') + 1);
        return group != null && !printed.contains(groupWord) ? group[0] + " " + printed : printed;
    }

    /** The template's label of a row, for a place named by its code only (an alert read back). */
    static String labelZh(String code) {
        String[] group = group(code);
        return group != null ? group[0] + " " + code.substring(code.lastIndexOf('_') + 1) + "."
                : SINGLE.containsKey(code) ? SINGLE.get(code)[0] : code;
    }

    static String labelEn(String code) {
        String[] group = group(code);
        if (group != null) {
            return "row " + group[1] + code.substring(code.lastIndexOf('_') + 1) + " " + group[2];
        }
        return SINGLE.containsKey(code) ? SINGLE.get(code)[1] : "row " + code;
    }

    private static String[] group(String code) {
        for (Map.Entry<String, String[]> group : GROUPS.entrySet()) {
            if (code.startsWith(group.getKey()) && code.length() > group.getKey().length()) {
                return group.getValue();
            }
        }
        return null;
    }

    /** A cell as an identity or a note names it. */
    static CellRef ref(RequestRow row, int column) {
        // The all-fields constructor: a builder per cell costs more than the check itself, for hundreds of cells a report.
        return new CellRef(3, row.getCode(), columnZh(column), cell(row, column), kind(row, column), null);
    }

    static String columnZh(int column) {
        return RequestTable.COLUMNS.get(column);
    }

    static String columnEn(int column) {
        return RequestTable.COLUMNS_EN.get(column);
    }
}
