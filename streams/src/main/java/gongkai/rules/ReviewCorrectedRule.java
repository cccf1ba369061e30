package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.List;
import java.util.Optional;

import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewGroup;
import gongkai.report.Place;
import gongkai.report.ReviewTable;

/**
 * R-REV-02: in each section-4 group (行政复议 and the two 行政诉讼 groups), 结果纠正 is a part of 总计 and cannot exceed
 * it. When R-REV-01 also fails, this names the figure to look at. A blank total is the blank-cell note's business.
 */
@RuleSpec(id = "R-REV-02", kind = "review-total", severity = ERROR,
        zh = "第四部分某组“结果纠正”大于“总计”", en = "a section-4 group's corrected count exceeds its total")
public final class ReviewCorrectedRule implements ReportRule {

    @Override
    public List<Finding> check(DisclosureReport report) {
        return ReviewCells.distinctGroups(report).stream().map(this::check).flatMap(Optional::stream).toList();
    }

    private Optional<Finding> check(ReviewGroup group) {
        ReviewCells.Cell corrected = new ReviewCells.Cell(ReviewTable.CORRECTED, group.getCorrected());
        ReviewCells.Cell total = new ReviewCells.Cell(ReviewTable.TOTAL, group.getTotal());
        if (corrected.value() == null || total.value() == null || corrected.value() <= total.value()) {
            return Optional.empty();
        }
        Place place = ReviewCells.place(group, ReviewTable.CORRECTED);
        return Optional.of(finding(place, "≤ " + total.value(), Long.toString(corrected.value()),
                place.zh() + "为 " + corrected.value() + "，大于本组“总计” " + total.value() + "；结果纠正的件数不能超过总数。",
                place.en() + " is " + corrected.value() + ", more than the group's total of " + total.value()
                        + "; the corrected cases cannot outnumber all cases.")
                .withCells(Identity.cells(id(), List.of(total.ref(group)), List.of(corrected.ref(group)))));
    }
}
