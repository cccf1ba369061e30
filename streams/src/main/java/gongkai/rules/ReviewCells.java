package gongkai.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewGroup;
import gongkai.avro.ReviewGroupKind;

/** Section 4's five numbers per group, named as printed and in English. */
final class ReviewCells {
    private ReviewCells() {
    }

    static final String UPHELD = "结果维持";
    static final String CORRECTED = "结果纠正";
    static final String OTHER = "其他结果";
    static final String PENDING = "尚未审结";
    static final String TOTAL = "总计";
    private static final List<String> ZH = List.of(UPHELD, CORRECTED, OTHER, PENDING, TOTAL);
    private static final List<String> EN = List.of("upheld", "corrected", "other result", "pending", "total");

    record Cell(String zh, Long value) {
        String en() {
            return ReviewCells.en(zh);
        }

        CellRef ref(ReviewGroup group) {
            return new CellRef(4, group.getGroup().name(), zh, value, value == null ? CellKind.BLANK : CellKind.NUMBER, null);
        }
    }

    /** 结果维持, 结果纠正, 其他结果, 尚未审结, 总计, in that order. */
    static List<Cell> cells(ReviewGroup group) {
        return Arrays.asList(new Cell(UPHELD, group.getUpheld()), new Cell(CORRECTED, group.getCorrected()),
                new Cell(OTHER, group.getOther()), new Cell(PENDING, group.getPending()), new Cell(TOTAL, group.getTotal()));
    }

    /** The groups in table order, each once (a parser hiccup must not yield two findings with one key). */
    static List<ReviewGroup> distinctGroups(DisclosureReport report) {
        Set<ReviewGroupKind> seen = EnumSet.noneOf(ReviewGroupKind.class);
        List<ReviewGroup> out = new ArrayList<>();
        for (ReviewGroup group : report.getReview()) {
            if (seen.add(group.getGroup())) {
                out.add(group);
            }
        }
        return out;
    }

    /** The place of one number of a group. */
    static Place place(ReviewGroup group, String cellZh) {
        return Place.of(4, group.getGroup().name(), cellZh);
    }

    /** The English name of a column of section 4, or the header as printed if it is not one. */
    static String en(String zh) {
        int i = ZH.indexOf(zh);
        return i < 0 ? zh : EN.get(i);
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
