package gongkai.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentence after section 5 that states the fee figures (发出收费通知的件数和总金额以及实际收取的总金额, or "收取…信息处理费
 * 3940元"), if any. Sentences are read across line breaks: a PDF or a narrow web column wraps them anywhere.
 */
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
        if (s.contains("收费通知") || s.contains("处理费") || s.contains("实际收取")) {
            return true;
        }
        return !s.contains("行政事业性收费") && s.contains("收费");
    }

    static String find(List<Block> blocks) {
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p && !TableTokens.isFooter(p.text())) {
                text.append(Cells.trim(p.text())).append('\n');
            }
        }
        String fallback = null;
        for (String sentence : text.toString().split("(?<=[。！？!?])|\\n(?=\\s*[（(]?[一二三四五六七八九十0-9]+[、.．）)])")) {
            String s = Cells.trim(sentence.replaceAll("\\s*\\R\\s*", ""));
            if (aboutInformationFees(s) && FIGURE.matcher(s).find()) {
                // The template's own words (收费通知, 实际收取) make the statement; another fee sentence is second best.
                if (s.contains("收费通知") || s.contains("实际收取")) {
                    return s;
                }
                fallback = fallback == null ? s : fallback;
            }
        }
        return fallback;
    }
}
