package gongkai.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/**
 * One cell of the tables of sections 2, 3 and 4 as read: where it is, how it was written, its figure (null if none
 * could be read) and the text printed. The one walk over the cells that the cell rules share; it runs on every
 * report, so what only a finding needs (the printed text, the row's printed label) is worked out when asked for.
 *
 * @param where where the cell is (named only for the few cells a finding is about)
 * @param signed whether the column's figures may be negative (2019's 本年增/减), asked only of a negative figure
 */
record TableCell(Supplier<Place> where, CellKind kind, Double value, String raw, BooleanSupplier signed) {

    /** The cells of one table (section 2, 3 or 4), in table order; section-3 rows once per code. */
    static List<TableCell> of(DisclosureReport report, int section) {
        List<TableCell> out = new ArrayList<>();
        switch (section) {
            case 2 -> {
                for (ActiveDisclosureRow row : report.getActiveDisclosure()) {
                    for (ActiveDisclosureCell cell : row.getCells()) {
                        Double value = cell.getValue();
                        CellKind kind = Text.isBlank(cell.getRaw()) ? CellKind.BLANK : value == null ? CellKind.UNREADABLE
                                : value == 0 && Text.plain(cell.getRaw()).chars().noneMatch(Character::isDigit) ? CellKind.ZERO_NOTATION
                                : CellKind.NUMBER;
                        out.add(new TableCell(() -> Place.of(2, ActiveRows.rowKey(row), ActiveRows.header(cell)), kind, value,
                                cell.getRaw(), () -> ActiveRows.isSignedColumn(cell)));
                    }
                }
            }
            case 3 -> {
                for (RequestRow row : RequestRows.distinctRows(report)) {
                    for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
                        Long value = RequestRows.cell(row, c);
                        String column = RequestRows.columnZh(c);
                        out.add(new TableCell(() -> Place.of(3, row.getCode(), column), RequestRows.kind(row, c),
                                value == null ? null : value.doubleValue(), RequestRows.raw(row, c), () -> false));
                    }
                }
            }
            case 4 -> {
                for (ReviewGroup group : report.getReview()) {
                    for (ReviewCells.Cell cell : ReviewCells.cells(group)) {
                        Long value = cell.value();
                        out.add(new TableCell(() -> ReviewCells.place(group, cell.zh()), value == null ? CellKind.BLANK : CellKind.NUMBER,
                                value == null ? null : value.doubleValue(), value == null ? "" : Long.toString(value), () -> false));
                    }
                }
            }
            default -> throw new IllegalArgumentException("Section " + section + " has no table");
        }
        return out;
    }

    /** The items in order, the first of each key only: a parser hiccup must not yield two findings with one alert key. */
    static <T> List<T> firstOfEach(List<T> items, Function<T, ?> key) {
        Set<Object> seen = new HashSet<>();
        return items.stream().filter(item -> seen.add(key.apply(item))).toList();
    }

    /** A blank, or a mark ("—", "/", "无") standing for 0: what the blank-cell note names. */
    boolean isBlankOrZeroNotation() {
        return kind == CellKind.BLANK || kind == CellKind.ZERO_NOTATION;
    }

    /** Text where a number belongs, or a negative figure outside a signed column. */
    boolean isBadNumber() {
        return value == null ? !Text.isBlank(raw) : value < 0 && !signed.getAsBoolean();
    }

    Place place() {
        return where.get();
    }

    /** The text as printed, on one line. */
    String printed() {
        return Text.plain(raw);
    }

    /** What a message quotes: the text as printed, else the figure. */
    String shown() {
        String printed = printed();
        return printed.isEmpty() ? (value == null ? "" : Text.number(value)) : printed;
    }

    CellRef ref() {
        Place place = place();
        return new CellRef(place.section(), place.row(), place.column(), kind == CellKind.BLANK || value == null ? null : Math.round(value),
                kind, null);
    }
}
