package gongkai.report;

import java.util.StringJoiner;

import gongkai.avro.AlertLocation;
import gongkai.avro.ReviewGroupKind;

/**
 * Where a finding is, and how a reader is told so in Chinese and English. The key part is section 1-6 (0 for the
 * document as a whole), a row (the row code in section 3, so the key survives relabelled corrections; the group in
 * section 4; the quoted sentence in section 1) and a column header; row and column may be null.
 *
 * <p>Rules and renderers (alert formatter, dashboard) all write places through it, so a place reads the same
 * everywhere; the alert's {@code AlertLocation} carries the key part.
 *
 * @param rowLabel the section-3 row as the report prints it, for the Chinese text only; null for the template's label
 */
public record Place(int section, String row, String column, String rowLabel) {

    public static Place of(int section, String row, String column) {
        return new Place(section, row, column, null);
    }

    public static Place document() {
        return of(0, null, null);
    }

    public static Place section(int section) {
        return of(section, null, null);
    }

    /** A sentence of section 1's text, quoted. */
    public static Place text(String phrase) {
        return of(1, phrase, null);
    }

    /** The row this place is in, as a whole. */
    public Place wholeRow() {
        return new Place(section, row, null, rowLabel);
    }

    /** The column this place is in, as a whole. */
    public Place wholeColumn() {
        return of(section, null, column);
    }

    /** The place an alert names, as the alert carries it (the Avro schema keeps its own record). */
    public static Place of(AlertLocation location) {
        return of(location.getSection(), location.getRow(), location.getColumn());
    }

    public AlertLocation toAlertLocation() {
        return AlertLocation.newBuilder().setSection(section).setRow(row).setColumn(column).build();
    }

    /** Part of the alert key (agency|year|ruleId|key), so it must be stable across versions of a report. */
    public String key() {
        StringJoiner key = new StringJoiner("/");
        key.add(Integer.toString(section));
        if (row != null) {
            key.add(row);
        }
        if (column != null) {
            key.add(column);
        }
        return key.toString();
    }

    /** 第三部分“一、本年新收政府信息公开申请数量”行“自然人”列, 第四部分行政复议“总计”, 第一部分文字“…”, 全文. */
    public String zh() {
        if (section == 1 && row != null) {
            return "第一部分文字“" + row + "”";
        }
        return sectionZh() + zhInSection();
    }

    /** Section 3, row 一 new requests, column natural persons; Section 4, administrative review, total; The document. */
    public String en() {
        if (section == 1 && row != null) {
            return "Section 1 text \"" + row + "\"";
        }
        String inSection = enInSection();
        return sectionEn() + (inSection.isEmpty() ? "" : ", " + inSection);
    }

    /** The place within its section, for a list of cells of one table: “（一）予以公开”行“总计”列, 行政复议“总计”. */
    public String zhInSection() {
        StringBuilder s = new StringBuilder();
        ReviewGroupKind group = group();
        if (group != null) {
            s.append(ReviewTable.groupZh(group));
        } else if (row != null) {
            s.append('“').append(rowZh()).append("”行");
        }
        if (column != null) {
            s.append('“').append(column).append(group != null ? "”" : "”列");
        }
        return s.toString();
    }

    /** row 三(一) disclosed, column total; administrative review, total. */
    public String enInSection() {
        StringJoiner s = new StringJoiner(", ");
        ReviewGroupKind group = group();
        if (group != null) {
            s.add(ReviewTable.groupEn(group));
        } else if (row != null) {
            s.add(section == 3 ? RequestTemplate.labelEn(row) : "row " + row);
        }
        if (column != null) {
            s.add(group != null ? ReviewTable.columnEn(column) : "column " + columnEn());
        }
        return s.toString();
    }

    private String sectionZh() {
        return section >= 1 && section <= 6 ? "第" + "一二三四五六".charAt(section - 1) + "部分" : "全文";
    }

    private String sectionEn() {
        return section >= 1 && section <= 6 ? "Section " + section : "The document";
    }

    private String rowZh() {
        if (rowLabel != null) {
            return rowLabel;
        }
        return section == 3 ? RequestTemplate.labelZh(row) : row;
    }

    private String columnEn() {
        int c = section == 3 ? RequestTable.COLUMNS.indexOf(column) : -1;
        return c < 0 ? column : RequestTable.COLUMNS_EN.get(c);
    }

    /** Section 4's row is the group; a parser warning may name it otherwise, and is then quoted as printed. */
    private ReviewGroupKind group() {
        if (section != 4) {
            return null;
        }
        for (ReviewGroupKind kind : ReviewGroupKind.values()) {
            if (kind.name().equals(row)) {
                return kind;
            }
        }
        return null;
    }
}
