package gongkai.parse;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.ReviewGroup;
import gongkai.avro.ReviewGroupKind;

/**
 * Reads section 4 (行政复议、行政诉讼): three header rows, then fifteen numbers in template order
 * (复议 维持/纠正/其他/尚未审结/总计, then 直接起诉 the same five, then 复议后起诉 the same five).
 */
final class ReviewTableReader {
    private ReviewTableReader() {
    }

    static final int PER_GROUP = 5;
    static final List<String> COLUMNS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
    static final List<String> GROUP_NAMES = List.of("行政复议", "行政诉讼·未经复议直接起诉", "行政诉讼·复议后起诉");

    static List<ReviewGroup> read(List<Block> blocks, Warnings warnings) throws ReportRejectedException {
        List<String> values = new ArrayList<>();
        boolean table = false;
        for (TableTokens.Token t : TableTokens.of(blocks)) {
            if (!t.isText()) {
                table = true;
                values.addAll(t.values());
            }
        }
        if (!table) {
            return List.of();
        }
        int expected = PER_GROUP * GROUP_NAMES.size();
        if (values.size() != expected) {
            warnings.add(WarningCode.TABLE_INCOMPLETE, 4, null, null, "section 4: found " + values.size() + " numbers where the table has "
                    + expected + (values.size() < expected ? "; the missing ones are left blank" : "; the first " + expected + " were read"));
        }
        List<ReviewGroup> groups = new ArrayList<>();
        java.util.Map<String, List<String>> zeroSigns = new java.util.TreeMap<>();
        for (int g = 0; g < GROUP_NAMES.size(); g++) {
            Long[] v = new Long[PER_GROUP];
            for (int i = 0; i < PER_GROUP; i++) {
                int at = g * PER_GROUP + i;
                Cells.Number n = Cells.integer(at < values.size() ? values.get(at) : "");
                warnings.cell(n, 4, GROUP_NAMES.get(g), COLUMNS.get(i));
                v[i] = n.asLong();
                if (n.notation() != null) {
                    zeroSigns.computeIfAbsent(n.raw(), k -> new ArrayList<>()).add(GROUP_NAMES.get(g) + "/" + COLUMNS.get(i));
                }
            }
            groups.add(ReviewGroup.newBuilder().setGroup(ReviewGroupKind.values()[g])
                    .setUpheld(v[0]).setCorrected(v[1]).setOther(v[2]).setPending(v[3]).setTotal(v[4]).build());
        }
        warnings.zeroSigns(4, zeroSigns);
        return groups;
    }
}
