package gongkai.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.TemplateVersion;
import gongkai.report.Place;
import gongkai.report.RequestTable;
import gongkai.report.RequestTemplate;

/** Reading section 3 the way every arithmetic rule must: blanks, unreadable and absent cells count as 0. */
final class RequestRows {
    private RequestRows() {
    }

    static Optional<RequestRow> row(DisclosureReport report, String code) {
        return RequestTable.row(report, code);
    }

    /** The rows in table order, each code once (a parser hiccup must not yield two findings with one key). */
    static List<RequestRow> distinctRows(DisclosureReport report) {
        return TableCell.firstOfEach(report.getRequestTable(), RequestRow::getCode);
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
        if (printed.isEmpty()) {
            return RequestTemplate.labelZh(code);
        }
        RequestTemplate.Line line = RequestTemplate.line(code);
        if (line == null || line.index() == 0) {
            return printed;
        }
        String group = line.group().labelZh;
        return printed.contains(group.substring(group.indexOf('）') + 1)) ? printed : group + " " + printed;
    }

    /** The place named as the report prints its section-3 row, for a message; a place elsewhere as it is. */
    static Place labelled(DisclosureReport report, Place place) {
        return place.section() == 3 && place.row() != null && place.rowLabel() == null ? place(report, place.row(), place.column()) : place;
    }

    /** A section-3 place (a cell, or a whole row or column with null for the other), named as the report prints the row. */
    static Place place(DisclosureReport report, String code, String column) {
        return new Place(3, code, column, code == null ? null : labelZh(report, code));
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
