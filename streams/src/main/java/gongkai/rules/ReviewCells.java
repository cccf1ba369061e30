package gongkai.rules;

import java.util.Arrays;
import java.util.List;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewGroup;
import gongkai.report.Place;
import gongkai.report.ReviewTable;

/** Section 4's five numbers per group, named as printed and in English. */
final class ReviewCells {
    private ReviewCells() {
    }

    record Cell(String zh, Long value) {
        String en() {
            return ReviewTable.columnEn(zh);
        }

        CellRef ref(ReviewGroup group) {
            return new CellRef(4, group.getGroup().name(), zh, value, value == null ? CellKind.BLANK : CellKind.NUMBER, null);
        }
    }

    /** 结果维持, 结果纠正, 其他结果, 尚未审结, 总计, in that order. */
    static List<Cell> cells(ReviewGroup group) {
        return Arrays.asList(new Cell(ReviewTable.UPHELD, group.getUpheld()), new Cell(ReviewTable.CORRECTED, group.getCorrected()),
                new Cell(ReviewTable.OTHER, group.getOther()), new Cell(ReviewTable.PENDING, group.getPending()),
                new Cell(ReviewTable.TOTAL, group.getTotal()));
    }

    /** The groups in table order, each once (a parser hiccup must not yield two findings with one key). */
    static List<ReviewGroup> distinctGroups(DisclosureReport report) {
        return TableCell.firstOfEach(report.getReview(), ReviewGroup::getGroup);
    }

    /** The place of one number of a group. */
    static Place place(ReviewGroup group, String cellZh) {
        return Place.of(4, group.getGroup().name(), cellZh);
    }
}
