package gongkai.rules;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.CellRef;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReviewGroupKind;

/** R-REV-01: each section-4 group's 总计 is 维持 + 纠正 + 其他 + 尚未审结. */
public final class ReviewTotalRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.REV_01;
    private static final List<String> EN = List.of("upheld", "corrected", "other result", "pending");

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Identity identity : Identities.reviewTotals(report)) {
            if (identity.holds() || identity.failsOnlyOnBlanks()) {
                continue;
            }
            StringBuilder zh = new StringBuilder();
            StringBuilder en = new StringBuilder();
            for (int i = 0; i < identity.left().size(); i++) {
                CellRef cell = identity.left().get(i);
                long v = cell.getValue() == null ? 0 : cell.getValue();
                zh.append(i == 0 ? "" : " + ").append(cell.getColumn()).append(' ').append(v);
                en.append(i == 0 ? "" : " + ").append(EN.get(i)).append(' ').append(v);
            }
            long sum = identity.leftSum();
            long total = identity.rightSum();
            ReviewGroupKind group = ReviewGroupKind.valueOf(identity.location().row());
            findings.add(INFO.finding(identity.location(), Long.toString(sum), Long.toString(total),
                    "第四部分" + ReviewCells.groupZh(group) + "：" + zh + " = " + sum + "，但“总计”为 " + total + "。",
                    "Section 4, " + ReviewCells.groupEn(group) + ": " + en + " = " + sum + ", but the total says " + total + ".")
                    .withCells(identity));
        }
        return findings;
    }
}
