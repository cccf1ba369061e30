package gongkai.rules;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import gongkai.avro.CellKind;
import gongkai.avro.CellRef;

/**
 * An identity a report's tables state about themselves, sum of the left cells = sum of the right cells (e.g.
 * 新收 + 上年结转 = 办理结果总计 + 结转下年度), with the cells as read. A blank cell counts as 0 in the sums.
 *
 * <p>Every report is checked against every identity and nearly all hold, so what only a failing identity needs
 * (its wording) is computed when asked for.
 *
 * @param label what the identity is about, for messages ("“总计”列 …"), Chinese and English
 */
public record Identity(String ruleId, Location location, Supplier<String[]> label, List<CellRef> left, List<CellRef> right) {

    public Identity {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** Cells only, for a finding's cell lists. */
    static Identity cells(String ruleId, List<CellRef> left, List<CellRef> right) {
        return new Identity(ruleId, null, () -> new String[] {"", ""}, left, right);
    }

    public String labelZh() {
        return label.get()[0];
    }

    public String labelEn() {
        return label.get()[1];
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

    static boolean isBlank(CellRef c) {
        return c.getKind() == CellKind.BLANK;
    }

    private static long sum(List<CellRef> cells) {
        long s = 0;
        for (CellRef c : cells) {
            s += c.getValue() == null ? 0 : c.getValue();
        }
        return s;
    }
}
