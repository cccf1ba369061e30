package gongkai.rules;

import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Stream;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;
import gongkai.report.Place;

/**
 * An identity a report's tables state about themselves, sum of the left cells = sum of the right cells (e.g.
 * 新收 + 上年结转 = 办理结果总计 + 结转下年度), with the cells as read. A blank cell counts as 0 in the sums.
 *
 * <p>Every report is checked against every identity and nearly all hold, so what only a failing identity needs
 * (its wording) is computed when asked for.
 */
public record Identity(String ruleId, Place place, Supplier<Wording> wording, List<CellRef> left, List<CellRef> right) {

    /**
     * How the identity reads. The formula names it without figures, for the blank-cell note ("“自然人”列 新收 + 上年结转 =
     * 办理结果总计 + 结转下年度"); each side names its terms with their figures ("本年新收 18 + 上年结转 3"), or, for a side
     * of one cell, the cell alone ("“总计”列").
     */
    public record Wording(String formulaZh, String formulaEn, String leftZh, String leftEn, String rightZh, String rightEn) {
    }

    public Identity {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** Cells only, for a finding's cell lists. */
    static Identity cells(String ruleId, List<CellRef> left, List<CellRef> right) {
        return new Identity(ruleId, null, () -> new Wording("", "", "", "", "", ""), left, right);
    }

    public String formulaZh() {
        return wording.get().formulaZh();
    }

    public String formulaEn() {
        return wording.get().formulaEn();
    }

    public long leftSum() {
        return sum(left);
    }

    public long rightSum() {
        return sum(right);
    }

    /** Left minus right: by the rules' convention, expected minus actual. */
    public long delta() {
        return leftSum() - rightSum();
    }

    public boolean holds() {
        return delta() == 0;
    }

    public List<CellRef> blanks() {
        return Stream.concat(left.stream(), right.stream()).filter(Identity::isBlank).toList();
    }

    /**
     * The identity fails, but a number written into one of its blank cells (on the side that falls short) would make
     * it hold: the report left the figure out rather than stating a wrong one. A 2019 report that fills 总计 only on
     * the total rows is the common case.
     */
    public boolean failsOnlyOnBlanks() {
        long d = delta();
        return d > 0 && right.stream().anyMatch(Identity::isBlank) || d < 0 && left.stream().anyMatch(Identity::isBlank);
    }

    /**
     * The finding of a failing identity, at its place (named as the report prints it): expected is the left sum, actual the right one, and both
     * messages spell out the two sides. The same words for every arithmetic rule.
     */
    Finding finding(RuleInfo info, Place where) {
        Wording w = wording.get();
        boolean one = right.size() == 1;
        boolean blank = !blanks().isEmpty();
        long l = leftSum();
        long r = rightSum();
        return info.finding(where, Long.toString(l), Long.toString(r),
                where.zh() + "：" + w.leftZh() + " = " + l + "，但" + w.rightZh() + (one ? "为 " : " = ") + r + "，两者应相等"
                        + (blank ? "（空白按 0 计）" : "") + "。",
                where.en() + ": " + w.leftEn() + " = " + l + ", but " + w.rightEn() + (one ? " says " : " = ") + r
                        + "; the two must be equal" + (blank ? " (blank cells counted as 0)" : "") + ".")
                .withCells(this);
    }

    /** "本年新收 18 + 上年结转 3": each cell's figure after its name (blank as 0). */
    static String terms(List<String> names, List<CellRef> cells) {
        StringJoiner out = new StringJoiner(" + ");
        for (int i = 0; i < cells.size(); i++) {
            out.add(names.get(i) + " " + value(cells.get(i)));
        }
        return out.toString();
    }

    /** "11 + 4 + 0": the figures alone, where the names are said once before them. */
    static String figures(List<CellRef> cells) {
        StringJoiner out = new StringJoiner(" + ");
        cells.forEach(c -> out.add(Long.toString(value(c))));
        return out.toString();
    }

    static boolean isBlank(CellRef c) {
        return c.getKind() == CellKind.BLANK;
    }

    private static long value(CellRef c) {
        return c.getValue() == null ? 0 : c.getValue();
    }

    private static long sum(List<CellRef> cells) {
        long s = 0;
        for (CellRef c : cells) {
            s += value(c);
        }
        return s;
    }
}
