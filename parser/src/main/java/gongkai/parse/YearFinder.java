package gongkai.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The report year: from the title, else from the body's own statement of its year. */
final class YearFinder {
    private YearFinder() {
    }

    private static final Pattern TITLE_YEAR = Pattern.compile("(\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年");
    private static final Pattern PERIOD = Pattern.compile("统计期限[^。]{0,8}?(\\d{4})年1月1日");
    private static final Pattern OPENING = Pattern.compile("(\\d{4})年[，,]");
    private static final int MIN = 2000;
    private static final int MAX = 2099;

    static Integer fromTitle(String title) {
        // Squashed: PDFs space out the digits of a title set in wide type ("2 0 2 4 年").
        Matcher m = TITLE_YEAR.matcher(Cells.halfWidth(Cells.squash(title)));
        while (m.find()) {
            Integer y = toYear(m.group(1));
            if (y != null) {
                return y;
            }
        }
        return null;
    }

    /** "本报告所列数据的统计期限自2021年1月1日…" first, else the first "2020年，…". */
    static Integer fromBody(List<Block> blocks) {
        for (Pattern p : List.of(PERIOD, OPENING)) {
            for (Block b : blocks) {
                if (b instanceof Block.Paragraph para) {
                    Matcher m = p.matcher(Cells.halfWidth(Cells.squash(para.text())));
                    while (m.find()) {
                        Integer y = toYear(m.group(1));
                        if (y != null) {
                            return y;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Integer toYear(String digits) {
        StringBuilder b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            int d = "〇一二三四五六七八九".indexOf(c);
            if (c == '○' || c == '零') {
                d = 0;
            }
            b.append(d >= 0 ? (char) ('0' + d) : c);
        }
        int y = Integer.parseInt(b.toString());
        return y >= MIN && y <= MAX ? y : null;
    }
}
