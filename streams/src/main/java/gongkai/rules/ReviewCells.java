package gongkai.rules;

import java.util.Arrays;
import java.util.List;

import gongkai.avro.ReviewGroup;
import gongkai.avro.ReviewGroupKind;

/** Section 4's five numbers per group, named as printed and in English. */
final class ReviewCells {
    private ReviewCells() {
    }

    record Cell(String zh, String en, Long value) {
        long orZero() {
            return value == null ? 0L : value;
        }
    }

    /** 结果维持, 结果纠正, 其他结果, 尚未审结, 总计, in that order. */
    static List<Cell> cells(ReviewGroup group) {
        return Arrays.asList(new Cell("结果维持", "upheld", group.getUpheld()),
                new Cell("结果纠正", "corrected", group.getCorrected()),
                new Cell("其他结果", "other result", group.getOther()),
                new Cell("尚未审结", "pending", group.getPending()),
                new Cell("总计", "total", group.getTotal()));
    }

    static String groupZh(ReviewGroupKind kind) {
        return switch (kind) {
            case ADMINISTRATIVE_REVIEW -> "行政复议";
            case LITIGATION_DIRECT -> "行政诉讼（未经复议直接起诉）";
            case LITIGATION_AFTER_REVIEW -> "行政诉讼（复议后起诉）";
        };
    }

    static String groupEn(ReviewGroupKind kind) {
        return switch (kind) {
            case ADMINISTRATIVE_REVIEW -> "administrative review";
            case LITIGATION_DIRECT -> "litigation without prior review";
            case LITIGATION_AFTER_REVIEW -> "litigation after review";
        };
    }
}
