package gongkai.text;

/**
 * Untrusted text (report contents, URLs, file names) on its way to a terminal or a log: C0/C1 controls (escape
 * sequences), DEL, bidirectional and zero-width characters are shown as \\uXXXX, so a crafted report cannot forge
 * log lines, move the cursor, or show an agency name that reads like another. The one copy for every module.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Keeps newline and tab, escapes every other control character. */
    public static String forTerminal(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                b.append(c);
            } else if (isUnsafe(c)) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** For one table cell or one line: newlines and tabs become spaces as well. */
    public static String oneLine(String s) {
        return forTerminal(s).replace('\n', ' ').replace('\t', ' ');
    }

    /**
     * Characters untrusted text must not send to a terminal or a log as they are: C0/C1 controls and DEL (escape
     * sequences, forged lines), bidirectional controls (text shown in another order than it is stored: U+061C,
     * U+200E/F, U+202A-E, U+2066-9), invisible ones that make two names look alike (zero-width space, joiners,
     * word joiner and invisible operators U+200B-D, U+2060-4, U+180E, U+FEFF) and the Unicode line separators.
     */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7F && c < 0xA0
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c >= '\u200B' && c <= '\u200F'
                || c >= '\u2060' && c <= '\u2064' || c == '\u2028' || c == '\u2029' || c == '\u061C' || c == '\u180E' || c == '\uFEFF';
    }

    /** Terminal columns a string takes: CJK ideographs and full-width forms take two. */
    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += isWide(s.charAt(i)) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(char c) {
        return c >= '\u1100' && c <= '\u115F' || c >= '\u2E80' && c <= '\uA4CF' || c >= '\uAC00' && c <= '\uD7A3'
                || c >= '\uF900' && c <= '\uFAFF' || c >= '\uFE30' && c <= '\uFE4F' || c >= '\uFF00' && c <= '\uFF60'
                || c >= '\uFFE0' && c <= '\uFFE6';
    }

    /** Cuts a string to at most {@code width} terminal columns, marking the cut with an ellipsis. */
    public static String clip(String s, int width) {
        if (width(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && width(b.toString()) + 2 < width; i++) {
            b.append(s.charAt(i));
        }
        return b.append('…').toString();
    }

    public static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        for (int w = width(s); w < width; w++) {
            b.append(' ');
        }
        return b.toString();
    }

    public static String padLeft(String s, int width) {
        StringBuilder b = new StringBuilder();
        for (int w = width(s); w < width; w++) {
            b.append(' ');
        }
        return b.append(s).toString();
    }

    /** For a log line: one value, escaped, cut at 200 characters. */
    public static String forLog(Object value) {
        return forLog(value, 200);
    }

    public static String forLog(Object value, int maxLength) {
        if (value == null) {
            return "-";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), maxLength) + 8);
        for (int i = 0; i < s.length() && out.length() < maxLength; i++) {
            char c = s.charAt(i);
            if (isUnsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= maxLength && s.length() > maxLength) {
            out.append('…');
        }
        return out.toString();
    }
}
