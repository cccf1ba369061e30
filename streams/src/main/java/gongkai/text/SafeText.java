package gongkai.text;

/**
 * Untrusted text (report contents, URLs, file names) on its way into logs and terminals: control,
 * bidirectional and zero-width characters are escaped (the rule is {@link gongkai.parse.SafeText#isUnsafe})
 * so a crafted report cannot forge log lines, move the cursor, or show an agency name that reads like
 * another; long values are cut.
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
            if (gongkai.parse.SafeText.isUnsafe(c)) {
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
