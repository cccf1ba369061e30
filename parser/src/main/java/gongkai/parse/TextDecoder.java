package gongkai.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes submitted bytes as UTF-8, falling back to GB18030 (older government pages are GBK/GB2312, which GB18030 covers). */
final class TextDecoder {
    private TextDecoder() {
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** The decoded text, or null if the bytes are valid in neither encoding. */
    static String decode(byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        String s = strict(bytes, start, StandardCharsets.UTF_8);
        if (s == null) {
            s = strict(bytes, 0, GB18030);
        }
        return s;
    }

    private static String strict(byte[] bytes, int start, Charset cs) {
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Counts characters no text document contains: C0 controls other than tab, newline, carriage return and form feed,
     * DEL, C1 controls, and private-use or replacement characters.
     */
    static int controlCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
                    || c >= 0x7F && c < 0xA0
                    || c == '\uFFFD'
                    || c >= '\uE000' && c <= '\uF8FF') {
                n++;
            }
        }
        return n;
    }

    /** Whether text looks like binary data mis-decoded: any NUL, or more than 1 in 200 characters that are controls. */
    static boolean looksBinary(String s) {
        if (s.indexOf('\0') >= 0) {
            return true;
        }
        int controls = controlCount(s);
        return controls > 0 && controls * 200L > s.length();
    }
}
