package gongkai.bench;

/**
 * The defects the generator injects, each with the rule that must find it. A defect changes the numbers of
 * section 3 so that exactly one identity breaks, and breaks it in two places (the column it was put in and the
 * 总计 column, or two rows), so each defect stands for exactly two alert keys.
 */
public enum DefectKind {
    /** 本年新收 is one higher in one column (and in 总计): 一 + 二 ≠ 三（七） + 四 in that column and in 总计. */
    BALANCE("R-BAL-01"),
    /** One request moved from （一）予以公开 to （二）部分公开 in one column, the 总计 column left alone: two rows no longer add up. */
    ROW_TOTAL("R-ROW-01"),
    /** 上年结转 one higher than last year's 结转下年度 in one column (and 总计), 本年新收 one lower so the year itself balances. */
    CARRY_OVER("R-CONT-01");

    private final String ruleId;

    DefectKind(String ruleId) {
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
