package gongkai.parse;

import java.util.regex.Pattern;

/** Whitespace and digit normalisation for cell text: reports mix U+00A0, U+3000, full-width digits and split headers. */
final class Cells {
    private Cells() {
    }

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark: [^\\]]*\\]");
    private static final Pattern INTEGER = Pattern.compile("\\+?\\d{1,15}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    static boolean isSpace(int c) {
        if (c < 0x80) {
            // The ASCII answer of the general test below, without its table lookups: this runs for every character.
            return c == ' ' || c >= 0x09 && c <= 0x0d || c >= 0x1c && c <= 0x1f;
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /** Trims every kind of space at both ends, U+00A0 and U+3000 included. */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int b = 0;
        int e = s.length();
        while (b < e && isSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    /** Removes every space, including those inside: merged headers arrive as "结\n果\n维\n持" or "总 计". */
    static String squash(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Maps full-width digits and signs to ASCII, one char for one char, so offsets stay valid. */
    static String halfWidth(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = c;
            if (c >= '０' && c <= '９') {
                m = (char) ('0' + (c - '０'));
            } else if (c == '．') {
                m = '.';
            } else if (c == '＋') {
                m = '+';
            } else if (c == '－') {
                m = '-';
            } else if (c == '，' && i > 0 && i + 1 < s.length() && isDigit(s.charAt(i - 1)) && isDigit(s.charAt(i + 1))) {
                m = ',';
            }
            if (m != c) {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, m);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    static String stripArtefacts(String s) {
        return s.indexOf("[bookmark:") < 0 ? s : BOOKMARK.matcher(s).replaceAll("");
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static int hanCount(String s) {
        return hanCount(s, Integer.MAX_VALUE);
    }

    /** Han characters in s, counting no further than {@code enough}. */
    static int hanCount(String s, int enough) {
        int n = 0;
        for (int i = 0; i < s.length() && n < enough; i++) {
            if (isHan(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isHan(char c) {
        if (c < 0x80) {
            return false;
        }
        // The common ideographs without the script table's binary search; everything else asks the table.
        if (c >= '\u4E00' && c <= '\u9FFC') {
            return true;
        }
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The result of reading one numeric cell: the value, or why there is none; {@code notation} is the zero sign read as 0. */
    record Number(String raw, java.lang.Double value, Problem problem, String notation) {
        Number(String raw, java.lang.Double value, Problem problem) {
            this(raw, value, problem, null);
        }

        Long asLong() {
            return value == null ? null : value.longValue();
        }

        gongkai.avro.CellKind kind() {
            return switch (problem) {
                case NONE -> notation != null ? gongkai.avro.CellKind.ZERO_NOTATION : gongkai.avro.CellKind.NUMBER;
                case BLANK -> gongkai.avro.CellKind.BLANK;
                default -> gongkai.avro.CellKind.UNREADABLE;
            };
        }
    }

    enum Problem { NONE, BLANK, NOT_A_NUMBER, NEGATIVE, FRACTION }

    /** The common case of a table cell, "0" or "18", without the regex (which says the same for up to 15 digits). */
    private static boolean isPlainDigits(String v) {
        if (v.isEmpty() || v.length() > 15) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The signs agencies print for "none" in a count table: dashes of every width, slashes, 无. They are read as 0
     * and said so (once per table), not flagged as unreadable: the national template allows them in practice.
     */
    static boolean isZeroNotation(String squashed) {
        if (squashed.isEmpty() || squashed.length() > 3) {
            return false;
        }
        if (squashed.equals("无")) {
            return true;
        }
        for (int i = 0; i < squashed.length(); i++) {
            char c = squashed.charAt(i);
            if ("-—–―－‐/／\\".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Count units printed after the number in a count cell ("13件"). */
    private static final String UNITS = "件个条次项人";

    /** Section 3 and 4 cells: non-negative integers, with the zero signs, units and thousands separators of real reports. */
    static Number integer(String printed) {
        String raw = trim(printed);
        String v = halfWidth(squash(raw));
        if (v.isEmpty()) {
            return new Number(raw, null, Problem.BLANK);
        }
        if (isPlainDigits(v)) {
            return new Number(raw, (double) Long.parseLong(v), Problem.NONE);
        }
        if (isZeroNotation(v)) {
            return new Number(raw, 0.0, Problem.NONE, v);
        }
        if (v.length() > 1 && UNITS.indexOf(v.charAt(v.length() - 1)) >= 0) {
            v = v.substring(0, v.length() - 1);
        }
        if (GROUPED.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        if (INTEGER.matcher(v).matches()) {
            return new Number(raw, (double) Long.parseLong(v.startsWith("+") ? v.substring(1) : v), Problem.NONE);
        }
        Number d = decimal(v, true);
        if (d.problem() == Problem.NONE) {
            return new Number(raw, null, d.value() < 0 ? Problem.NEGATIVE : Problem.FRACTION);
        }
        return new Number(raw, null, d.problem());
    }

    /** Whether a whitespace-separated token of a text line is a table value (a count, a zero sign, "13件"), not words. */
    static boolean isValueToken(String token) {
        String v = halfWidth(token);
        if (v.isEmpty() || v.length() > 20) {
            return false;
        }
        if (isZeroNotation(v)) {
            return true;
        }
        int end = v.length();
        if (end > 1 && UNITS.indexOf(v.charAt(end - 1)) >= 0) {
            end--;
        }
        int start = v.charAt(0) == '+' || v.charAt(0) == '-' ? 1 : 0;
        if (start >= end) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = v.charAt(i);
            if (!(c >= '0' && c <= '9' || c == ',' && i > start || c == '.' && i > start && i + 1 < end)) {
                return false;
            }
        }
        return true;
    }

    /** Section 2 cells: amounts may have decimals (采购总金额), and 本年增/减 may be negative. */
    static Number decimal(String printed, boolean signedAllowed) {
        String raw = trim(printed);
        String v = halfWidth(squash(raw));
        if (v.isEmpty()) {
            return new Number(raw, null, Problem.BLANK);
        }
        if (isZeroNotation(v)) {
            return new Number(raw, 0.0, Problem.NONE, v);
        }
        if (GROUPED.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        if (!DECIMAL.matcher(v).matches()) {
            return new Number(raw, null, Problem.NOT_A_NUMBER);
        }
        double d = Double.parseDouble(v.startsWith("+") ? v.substring(1) : v);
        if (d < 0 && !signedAllowed) {
            return new Number(raw, null, Problem.NEGATIVE);
        }
        return new Number(raw, d, Problem.NONE);
    }

    /** Whether a cell holds a table value rather than a label: numbers, blanks and short non-label marks such as "—" or "无". */
    static boolean isValueLike(String printed) {
        String v = squash(printed);
        if (v.isEmpty()) {
            return true;
        }
        if (v.startsWith("（") || v.startsWith("(")) {
            return false;
        }
        return v.length() <= 20 && hanCount(v, 2) < 2;
    }
}
