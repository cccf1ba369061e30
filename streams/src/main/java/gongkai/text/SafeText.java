package gongkai.text;

/**
 * Untrusted text (report contents, URLs, file names) on its way into logs and terminals: control
 * characters are escaped so a crafted report cannot forge log lines or move the cursor, and long
 * values are cut.
 */
public final class SafeText {
    private SafeText() {
    }

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
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
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
