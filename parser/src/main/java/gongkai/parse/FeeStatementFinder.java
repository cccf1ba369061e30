package gongkai.parse;

import java.util.List;
import java.util.regex.Pattern;

/** The sentence after section 5 that states the fee figures (发出收费通知的件数和总金额以及实际收取的总金额…), if any. */
final class FeeStatementFinder {
    private FeeStatementFinder() {
    }

    private static final Pattern FIGURE = Pattern.compile("[0-9０-９零〇]|未|无|没有");

    /**
     * A sentence about the fees of information requests (收费通知, 信息处理费), not the 行政事业性收费 of section 2's
     * 第二十条第（八）项, which a report may mention again near the end.
     */
    static boolean aboutInformationFees(String sentence) {
        String s = Cells.squash(sentence);
        if (s.contains("收费通知") || s.contains("信息处理费") || s.contains("实际收取")) {
            return true;
        }
        return !s.contains("行政事业性收费") && s.contains("收费");
    }

    /** The sentence stating the fee notices (收费通知) if there is one, else the first other sentence about information fees. */
    static String find(List<Block> blocks) {
        String other = null;
        for (Block b : blocks) {
            if (!(b instanceof Block.Paragraph p)) {
                continue;
            }
            for (String sentence : Cells.trim(p.text()).split("(?<=[。！？!?])")) {
                String s = Cells.trim(sentence);
                if (aboutInformationFees(s) && FIGURE.matcher(s).find()) {
                    if (Cells.squash(s).contains("收费通知")) {
                        return s;
                    }
                    other = other == null ? s : other;
                }
            }
        }
        return other;
    }
}
