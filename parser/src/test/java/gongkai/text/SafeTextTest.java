package gongkai.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void controlBidiAndZeroWidthCharactersAreEscapedInLogsAndTerminalLines() {
        assertEquals("北京市\\u001b[2J朝阳区", SafeText.forLog("北京市\u001b[2J朝阳区"));
        // An agency name that reads like another one: zero-width space, right-to-left override, word joiner, BOM.
        assertEquals("朝\\u200b阳\\u202e区\\u2060\\ufeff", SafeText.forLog("朝\u200b阳\u202e区\u2060\ufeff"));
        assertEquals("a\\u2028b", SafeText.forLog("a\u2028b"));
        assertEquals("北京市朝阳区金盏乡人民政府", SafeText.forLog("北京市朝阳区金盏乡人民政府"));
    }
}
