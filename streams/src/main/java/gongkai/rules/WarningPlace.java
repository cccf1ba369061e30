package gongkai.rules;

import java.util.List;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ParseWarning;
import gongkai.avro.RequestRow;
import gongkai.report.Place;
import gongkai.report.RequestTable;

/**
 * Where a parser warning points, in the rules' location scheme. The parser may name a section-3 row by code or
 * by printed label; mapping the label to the code keeps one cell on one alert key.
 */
record WarningPlace(Place place, String actual) {

    static WarningPlace of(DisclosureReport report, ParseWarning warning) {
        int section = warning.getSection();
        String row = warning.getRow() == null ? null : Text.plain(warning.getRow());
        String column = warning.getColumn() == null ? null : Text.plain(warning.getColumn());
        String message = Text.plain(warning.getMessage());
        if (section == 3 && row != null) {
            RequestRow match = requestRow(report, row);
            if (match != null) {
                int c = columnIndex(column);
                String header = c < 0 ? column : RequestTable.COLUMNS.get(c);
                String raw = c < 0 ? "" : Text.plain(RequestRows.raw(match, c));
                String code = match.getCode();
                return new WarningPlace(RequestRows.place(report, code, header), raw.isEmpty() ? message : raw);
            }
        }
        if (section == 2 && row != null) {
            ActiveDisclosureRow match = activeRow(report, row);
            if (match != null) {
                String key = ActiveRows.rowKey(match);
                String raw = match.getCells().stream().filter(c -> ActiveRows.header(c).equals(column))
                        .map(ActiveDisclosureCell::getRaw).map(Text::plain).findFirst().orElse("");
                return new WarningPlace(Place.of(2, key, column), raw.isEmpty() ? message : raw);
            }
        }
        return new WarningPlace(Place.of(section, row, column), message);
    }

    private static RequestRow requestRow(DisclosureReport report, String row) {
        List<RequestRow> rows = RequestRows.distinctRows(report);
        for (RequestRow candidate : rows) {
            if (candidate.getCode().equals(row)) {
                return candidate;
            }
        }
        for (RequestRow candidate : rows) {
            if (Text.plain(candidate.getLabel()).equals(row)) {
                return candidate;
            }
        }
        return null;
    }

    /** Only an unambiguous match: a name shared by two rows could put the finding on the wrong one. */
    private static ActiveDisclosureRow activeRow(DisclosureReport report, String row) {
        List<ActiveDisclosureRow> matches = report.getActiveDisclosure().stream()
                .filter(r -> ActiveRows.rowKey(r).equals(row) || Text.plain(r.getName()).equals(row)).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** Merged headers arrive split over lines ("商业\n企业"), so compare without any spaces. */
    private static int columnIndex(String column) {
        if (column == null) {
            return -1;
        }
        String compact = column.replace(" ", "");
        return RequestTable.COLUMNS.indexOf(compact);
    }
}
