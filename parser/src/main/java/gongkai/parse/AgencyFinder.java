package gongkai.parse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers the agency from the body when the title does not name it. Only for a report that speaks of itself as
 * 我镇/本乡/我街道…, and only a place name with that same suffix stated in the body ("开通安丰镇微信平台"):
 * the name is the two characters before the suffix, or three if the longer form recurs.
 */
final class AgencyFinder {
    private AgencyFinder() {
    }

    private static final String[] SUFFIXES = {"街道", "镇", "乡", "区", "县"};
    private static final String STOP = "我本该全各每乡镇村区县市省的和与及在了是个为对等从向由把将其此各一二三四五六七八九十年月日";

    static String fromBody(List<Block> blocks) {
        StringBuilder body = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                body.append(Cells.squash(p.text())).append('\n');
            }
        }
        String text = body.toString();
        for (String suffix : SUFFIXES) {
            if (!text.contains("我" + suffix) && !text.contains("本" + suffix)) {
                continue;
            }
            String name = mostFrequentName(text, suffix);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static String mostFrequentName(String text, String suffix) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\p{IsHan}{2})" + Pattern.quote(suffix)).matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            String stem = m.group(1);
            if (stem.chars().noneMatch(c -> STOP.indexOf(c) >= 0)) {
                counts.merge(stem, 1, Integer::sum);
            }
            from = m.start() + 1;
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        if (best == null) {
            return null;
        }
        return longerForm(text, best, suffix);
    }

    /** "穆家峪镇" rather than "家峪镇" when every occurrence has the same character before it, at least twice. */
    private static String longerForm(String text, String stem, String suffix) {
        String name = stem + suffix;
        Character before = null;
        int count = 0;
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            if (i == 0) {
                return name;
            }
            char c = text.charAt(i - 1);
            if (before != null && before != c || Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN || STOP.indexOf(c) >= 0) {
                return name;
            }
            before = c;
            count++;
        }
        return count >= 2 ? before + name : name;
    }
}
