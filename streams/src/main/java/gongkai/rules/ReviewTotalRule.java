package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewGroup;
import gongkai.report.ReviewTable;

/** R-REV-01: each section-4 group's 总计 is 维持 + 纠正 + 其他 + 尚未审结. */
@RuleSpec(id = "R-REV-01", kind = "review-total", severity = ERROR,
        zh = "第四部分某组总计 ≠ 维持 + 纠正 + 其他 + 尚未审结", en = "a section-4 total ≠ upheld + corrected + other + pending")
public final class ReviewTotalRule extends IdentityRule {
    @Override
    List<Identity> identities(DisclosureReport report) {
        List<Identity> out = new ArrayList<>();
        for (ReviewGroup group : ReviewCells.distinctGroups(report)) {
            List<ReviewCells.Cell> cells = ReviewCells.cells(group);
            List<CellRef> refs = cells.stream().map(cell -> cell.ref(group)).toList();
            List<CellRef> parts = refs.subList(0, 4);
            List<String> names = cells.stream().map(ReviewCells.Cell::zh).toList().subList(0, 4);
            List<String> namesEn = cells.stream().map(ReviewCells.Cell::en).toList().subList(0, 4);
            out.add(new Identity(id(), ReviewCells.place(group, ReviewTable.TOTAL), () -> new Identity.Wording(
                    ReviewTable.groupZh(group.getGroup()) + " 维持 + 纠正 + 其他 + 尚未审结 = 总计",
                    ReviewTable.groupEn(group.getGroup()) + " upheld + corrected + other + pending = total",
                    Identity.terms(names, parts), Identity.terms(namesEn, parts), "“总计”", "the total"), parts, refs.subList(4, 5)));
        }
        return out;
    }
}
