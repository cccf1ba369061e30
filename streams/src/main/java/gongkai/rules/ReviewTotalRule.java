package gongkai.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewGroup;
import gongkai.avro.ReviewGroupKind;

/** R-REV-01: each section-4 group's 总计 is 维持 + 纠正 + 其他 + 尚未审结. */
public final class ReviewTotalRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.REV_01;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        Set<ReviewGroupKind> seen = EnumSet.noneOf(ReviewGroupKind.class);
        for (ReviewGroup group : report.getReview()) {
            if (!seen.add(group.getGroup())) {
                continue;
            }
            List<ReviewCells.Cell> cells = ReviewCells.cells(group);
            long sum = 0;
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (ReviewCells.Cell cell : cells.subList(0, 4)) {
                sum += cell.orZero();
                zh.append(zh.length() == 0 ? "" : " + ").append(cell.zh()).append(' ').append(cell.orZero());
                en.append(en.length() == 0 ? "" : " + ").append(cell.en()).append(' ').append(cell.orZero());
            }
            long total = cells.get(4).orZero();
            if (sum == total) {
                continue;
            }
            findings.add(INFO.finding(new Location(4, group.getGroup().name(), "总计"), Long.toString(sum),
                    Long.toString(total),
                    "第四部分" + ReviewCells.groupZh(group.getGroup()) + "：" + zh + " = " + sum + "，但“总计”为 " + total + "。",
                    "Section 4, " + ReviewCells.groupEn(group.getGroup()) + ": " + en + " = " + sum
                            + ", but the total says " + total + "."));
        }
        return findings;
    }
}
