package gongkai.rules;

import java.math.BigDecimal;
import java.util.List;

/** Formatting shared by the rules' messages. */
final class Text {
    private Text() {
    }

    /** Longest stretch of report text quoted in a message; longer text is cut so alerts stay readable. */
    private static final int MAX_QUOTE = 200;
    private static final List<String> NUMERALS = List.of("", "一", "二", "三", "四", "五", "六");
    private static final List<String> SECTION_TITLES = List.of("", "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项");
    private static final List<String> SECTION_TITLES_EN = List.of("", "general situation", "proactive disclosure",
            "requests received and handled", "administrative review and litigation", "main problems and improvements",
            "other matters");

    /**
     * Report text as one plain line: the parser keeps labels as printed (NBSP, U+3000, merged cells split over
     * lines), which would break a message or a location key apart. Control characters are dropped.
     */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_QUOTE + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < MAX_QUOTE + 1; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.length() > MAX_QUOTE ? out.substring(0, MAX_QUOTE) + "…" : out.toString();
    }

    /** Blank as a reader sees it: the report's blanks are often NBSP or full-width spaces. */
    static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    /** Section-2 figures are doubles (金额 in 万元); print whole numbers without ".0". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String numeral(int section) {
        return NUMERALS.get(section);
    }

    static String sectionTitle(int section) {
        return SECTION_TITLES.get(section);
    }

    static String sectionTitleEn(int section) {
        return SECTION_TITLES_EN.get(section);
    }
}
