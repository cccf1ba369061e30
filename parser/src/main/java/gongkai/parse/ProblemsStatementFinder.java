package gongkai.parse;

import java.util.List;

/** Section 五's text (存在的主要问题及改进情况), for the rule that flags reports naming no problem (R-SEC-03). */
final class ProblemsStatementFinder {
    /** Enough to judge "names a problem or not" and to quote it; the rest of the section is not needed downstream. */
    static final int MAX_CHARS = 200;

    private ProblemsStatementFinder() {
    }

    /** @return the section's paragraphs joined, spaces collapsed, cut at {@link #MAX_CHARS}; null if the section was not found */
    static String find(SectionSplitter.Sections sections) {
        if (sections.find(5) == null) {
            return null;
        }
        List<Block> blocks = sections.blocks(5);
        StringBuilder text = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Block.Paragraph p) {
                String t = Cells.trim(p.text()).replaceAll("[\\s\\u00A0\\u3000]+", " ");
                if (!t.isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(t);
                }
            }
            if (text.length() > MAX_CHARS) {
                break;
            }
        }
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text.toString();
    }
}
