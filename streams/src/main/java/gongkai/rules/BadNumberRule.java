package gongkai.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.parse.WarningCode;
import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ParseWarning;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.report.RequestTable;

/**
 * R-CELL-02: a number that is not one. Found both from the data (negative values; text printed where the parser
 * could read no number) and from the parser's BAD_NUMBER warnings, one finding per cell.
 */
public final class BadNumberRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.CELL_02;
    private static final String EXPECTED = "非负数";

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        activeDisclosure(report, findings);
        requestTable(report, findings);
        review(report, findings);
        warnings(report, findings);
        return new ArrayList<>(findings.values());
    }

    private static void activeDisclosure(DisclosureReport report, Map<String, Finding> findings) {
        for (ActiveDisclosureRow row : report.getActiveDisclosure()) {
            for (ActiveDisclosureCell cell : row.getCells()) {
                Double value = cell.getValue();
                boolean unreadable = value == null && !Text.isBlank(cell.getRaw());
                boolean negative = value != null && value < 0 && !ActiveRows.isSignedColumn(cell);
                if (unreadable || negative) {
                    add(findings, new Location(2, ActiveRows.rowKey(row), ActiveRows.header(cell)),
                            "第二部分“" + ActiveRows.rowKey(row) + "”行“" + ActiveRows.header(cell) + "”列",
                            "Section 2, row " + ActiveRows.rowKey(row) + ", column " + ActiveRows.header(cell),
                            Text.plain(cell.getRaw()).isEmpty() ? Text.number(value) : Text.plain(cell.getRaw()));
                }
            }
        }
    }

    private static void requestTable(DisclosureReport report, Map<String, Finding> findings) {
        for (RequestRow row : RequestRows.distinctRows(report)) {
            for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
                Long value = RequestRows.cell(row, c);
                String raw = Text.plain(RequestRows.raw(row, c));
                if ((value == null && !raw.isEmpty()) || (value != null && value < 0)) {
                    add(findings, new Location(3, row.getCode(), RequestRows.columnZh(c)),
                            "第三部分“" + RequestRows.labelZh(report, row.getCode()) + "”行“" + RequestRows.columnZh(c) + "”列",
                            "Section 3, " + RequestRows.labelEn(row.getCode()) + ", column " + RequestRows.columnEn(c),
                            raw.isEmpty() ? String.valueOf(value) : raw);
                }
            }
        }
    }

    private static void review(DisclosureReport report, Map<String, Finding> findings) {
        for (ReviewGroup group : report.getReview()) {
            for (ReviewCells.Cell cell : ReviewCells.cells(group)) {
                if (cell.value() != null && cell.value() < 0) {
                    add(findings, new Location(4, group.getGroup().name(), cell.zh()),
                            "第四部分" + ReviewCells.groupZh(group.getGroup()) + "“" + cell.zh() + "”",
                            "Section 4, " + ReviewCells.groupEn(group.getGroup()) + ", " + cell.en(),
                            Long.toString(cell.value()));
                }
            }
        }
    }

    /** The parser's BAD_NUMBER warnings, placed on the same keys as the data-derived findings where possible. */
    private static void warnings(DisclosureReport report, Map<String, Finding> findings) {
        for (ParseWarning warning : report.getWarnings()) {
            if (!WarningCode.BAD_NUMBER.is(warning.getCode())) {
                continue;
            }
            WarningPlace place = WarningPlace.of(report, warning);
            add(findings, place.location(), place.zh(), place.en(), place.actual());
        }
    }

    private static void add(Map<String, Finding> findings, Location location, String placeZh, String placeEn,
            String actual) {
        findings.putIfAbsent(location.key(), INFO.finding(location, EXPECTED, actual,
                placeZh + "“" + actual + "”不是有效的非负数。",
                placeEn + ": \"" + actual + "\" is not a valid non-negative number."));
    }
}
