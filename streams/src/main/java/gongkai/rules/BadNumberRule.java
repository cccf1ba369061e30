package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.avro.DisclosureReport;
import gongkai.avro.ParseWarning;
import gongkai.parse.WarningCode;
import gongkai.report.Place;

/**
 * R-CELL-02: a number that is not one. Found both from the data (negative values; text printed where the parser
 * could read no number) and from the parser's BAD_NUMBER warnings, one finding per cell.
 */
@RuleSpec(id = "R-CELL-02", kind = "cell", severity = ERROR,
        zh = "表格中有非数字、负数或无法识别的数字", en = "non-numeric, negative or unreadable number in a table")
public final class BadNumberRule implements ReportRule {
    private static final String EXPECTED = "非负数";

    @Override
    public List<Finding> check(DisclosureReport report) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (int section = 2; section <= 4; section++) {
            for (TableCell cell : TableCell.of(report, section)) {
                if (cell.isBadNumber()) {
                    add(findings, RequestRows.labelled(report, cell.place()), cell.shown());
                }
            }
        }
        // The parser's BAD_NUMBER warnings, placed on the same keys as the data-derived findings where possible.
        for (ParseWarning warning : report.getWarnings()) {
            if (WarningCode.BAD_NUMBER.is(warning.getCode())) {
                WarningPlace place = WarningPlace.of(report, warning);
                add(findings, place.place(), place.actual());
            }
        }
        return new ArrayList<>(findings.values());
    }

    private void add(Map<String, Finding> findings, Place place, String actual) {
        findings.putIfAbsent(place.key(), finding(place, EXPECTED, actual,
                place.zh() + "“" + actual + "”不是有效的非负数。", place.en() + ": \"" + actual + "\" is not a valid non-negative number."));
    }
}
