package gongkai.parse;

import java.util.List;
import java.util.regex.Pattern;

/** The sentence after section 5 that states the fee figures (发出收费通知的件数和总金额以及实际收取的总金额…), if any. */
final class FeeStatementFinder {
    private FeeStatementFinder() {
    }

    private static final Pattern FIGURE = Pattern.compile("[0-9０-９零〇]|未|无|没有");

    static String find(List<Block> blocks) {
        for (Block b : blocks) {
            if (!(b instanceof Block.Paragraph p)) {
                continue;
            }
            for (String sentence : Cells.trim(p.text()).split("(?<=[。！？!?])")) {
                String s = Cells.trim(sentence);
                if (s.contains("收费") && FIGURE.matcher(s).find()) {
                    return s;
                }
            }
        }
        return null;
    }
}
