package gongkai.rules;

import static gongkai.avro.Severity.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.TemplateVersion;
import gongkai.report.Place;

/**
 * R-CONT-02 (2021 format, both years): 现行有效件数(Y) = 现行有效件数(Y-1) + 本年制发件数(Y) − 本年废止件数(Y),
 * for 规章 and 行政规范性文件 under 第二十条第（一）项.
 */
@RuleSpec(id = "R-CONT-02", kind = "continuity", severity = WARNING,
        zh = "现行有效件数 ≠ 上年现行有效件数 + 本年制发件数 − 本年废止件数", en = "valid documents ≠ last year's valid + issued − repealed")
public final class ValidDocumentCountContinuityRule implements ContinuityRule {
    private static final List<String> KINDS = List.of("规章", "行政规范性文件");
    private static final double TOLERANCE = 1e-9;

    @Override
    public List<Finding> check(DisclosureReport previous, DisclosureReport current) {
        if (previous == null || previous.getTemplate() != TemplateVersion.T2021
                || current.getTemplate() != TemplateVersion.T2021) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String kind : KINDS) {
            Optional<ActiveDisclosureRow> before = row(previous, kind);
            Optional<ActiveDisclosureRow> now = row(current, kind);
            if (before.isEmpty() || now.isEmpty()) {
                continue;
            }
            Optional<Double> validBefore = cell(before.get(), "现行有效");
            Optional<Double> valid = cell(now.get(), "现行有效");
            Optional<Double> issued = cell(now.get(), "制发");
            Optional<Double> repealed = cell(now.get(), "废止");
            // A missing column means the parser did not find this table layout; nothing sound to compare.
            if (validBefore.isEmpty() || valid.isEmpty() || issued.isEmpty() || repealed.isEmpty()) {
                continue;
            }
            double expected = validBefore.get() + issued.get() - repealed.get();
            if (Math.abs(expected - valid.get()) <= TOLERANCE) {
                continue;
            }
            String p = Text.number(validBefore.get());
            String i = Text.number(issued.get());
            String r = Text.number(repealed.get());
            String e = Text.number(expected);
            String a = Text.number(valid.get());
            Place place = Place.of(2, kind, "现行有效件数");
            findings.add(finding(place, e, a,
                    place.zh() + "：" + previous.getYear() + "年现行有效件数 " + p + " + 本年制发件数 " + i
                            + " − 本年废止件数 " + r + " = " + e + "，但本年现行有效件数为 " + a + "。",
                    place.en() + ": valid at the end of " + previous.getYear() + " " + p + " + issued " + i
                            + " − repealed " + r + " = " + e + ", but this report's valid count is " + a + ".")
                    .withCells(Identity.cells(id(),
                            List.of(cell(before.get(), "现行有效", validBefore.get(), previous.getReportId()),
                                    cell(now.get(), "制发", issued.get(), null)),
                            List.of(cell(now.get(), "现行有效", valid.get(), null), cell(now.get(), "废止", repealed.get(), null)))));
        }
        return findings;
    }

    /** 规章 / 行政规范性文件 (also printed 规范性文件) of item 第二十条第（一）项, wherever the parser put it. */
    private static Optional<ActiveDisclosureRow> row(DisclosureReport report, String kind) {
        return report.getActiveDisclosure().stream()
                .filter(r -> isFirstItem(r.getItem()) && kind.equals(canonicalName(r.getName())))
                .findFirst();
    }

    static String canonicalName(String name) {
        String compact = compact(name);
        if (compact.endsWith("规范性文件")) {
            return "行政规范性文件";
        }
        return compact.equals("规章") ? "规章" : null;
    }

    /** An empty item is accepted: 规章 and 规范性文件 appear under no other item, so the name alone is unambiguous. */
    private static boolean isFirstItem(String item) {
        String compact = compact(item).replace('(', '（').replace(')', '）');
        return compact.isEmpty() || compact.contains("（一）") || compact.contains("（1）");
    }

    private static String compact(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\u00A0\\u3000]", "");
    }

    /** Valid-document counts are whole numbers; the cell reference carries the count as read. */
    private static CellRef cell(ActiveDisclosureRow row, String headerWord, double value, String reportId) {
        String header = row.getCells().stream().map(c -> compact(c.getHeader())).filter(h -> h.contains(headerWord)).findFirst()
                .orElse(headerWord);
        return CellRef.newBuilder().setSection(2).setRow(ActiveRows.rowKey(row)).setColumn(header).setValue(Math.round(value))
                .setKind(CellKind.NUMBER).setReportId(reportId).build();
    }

    /** The value of the column whose header contains the word; blank counts as 0 like everywhere else. */
    private static Optional<Double> cell(ActiveDisclosureRow row, String headerWord) {
        for (ActiveDisclosureCell cell : row.getCells()) {
            if (compact(cell.getHeader()).contains(headerWord)) {
                return Optional.of(cell.getValue() == null ? 0.0 : cell.getValue());
            }
        }
        return Optional.empty();
    }
}
