package gongkai.report;

import java.util.List;

import gongkai.avro.ReviewGroupKind;

/**
 * The layout of section 4 (政府信息公开行政复议、行政诉讼情况): per group (行政复议 and the two 行政诉讼 groups) five
 * numbers, named as the template prints them and in English.
 */
public final class ReviewTable {
    private ReviewTable() {
    }

    public static final String UPHELD = "结果维持";
    public static final String CORRECTED = "结果纠正";
    public static final String OTHER = "其他结果";
    public static final String PENDING = "尚未审结";
    public static final String TOTAL = "总计";
    /** Column headers in table order; the last is 总计. */
    public static final List<String> COLUMNS = List.of(UPHELD, CORRECTED, OTHER, PENDING, TOTAL);
    public static final List<String> COLUMNS_EN = List.of("upheld", "corrected", "other result", "pending", "total");

    /** The English name of a column, or the header as printed if it is not one. */
    public static String columnEn(String zh) {
        int i = COLUMNS.indexOf(zh);
        return i < 0 ? zh : COLUMNS_EN.get(i);
    }

    public static String groupZh(ReviewGroupKind kind) {
        return switch (kind) {
            case ADMINISTRATIVE_REVIEW -> "行政复议";
            case LITIGATION_DIRECT -> "行政诉讼（未经复议直接起诉）";
            case LITIGATION_AFTER_REVIEW -> "行政诉讼（复议后起诉）";
        };
    }

    public static String groupEn(ReviewGroupKind kind) {
        return switch (kind) {
            case ADMINISTRATIVE_REVIEW -> "administrative review";
            case LITIGATION_DIRECT -> "litigation without prior review";
            case LITIGATION_AFTER_REVIEW -> "litigation after review";
        };
    }
}
