package gongkai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.avro.Numbering;
import gongkai.avro.SectionHeading;

/**
 * Finds the six section headings. A heading is identified by its title text, not its number: reports write
 * "二、", "2、", "（2）" or no number at all, and "（二）主动公开情况" inside section 1 is not section 2.
 */
final class SectionSplitter {
    private SectionSplitter() {
    }

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?<cn>[一二三四五六])[、.．]|第(?<part>[一二三四五六])部分[、.．:：]?|(?<ar>[1-6１-６])[、.．]?(?=\\D)|[（(](?:(?<pcn>[一二三四五六])|(?<par>[1-6１-６]))[）)])");
    private static final Pattern[] TITLES = {
        null,
        Pattern.compile("^(?:总体情况|总体概况|概述)"),
        Pattern.compile("^主动公开政府信息(?:的)?(?:情况)?"),
        Pattern.compile("^收到和处理政府信息公开申请(?:的)?情况"),
        Pattern.compile("^(?:政府信息公开(?:的)?行政复议[、和及与]?行政诉讼|因?政府信息公开(?:工作)?被申请行政复议[、和及与]?提起行政诉讼)(?:的)?(?:情况)?"),
        Pattern.compile("^(?:存在的?)?主要问题(?:及|和|与)(?:其)?改进(?:的)?(?:情况|措施)"),
        Pattern.compile("^其他需要报告的?事项"),
    };
    private static final Pattern END = Pattern.compile("^[。：:．.]?$");
    /**
     * A numbered heading inside a longer paragraph: a page flattened onto one line, or a heading run into the first
     * row of its table. Only numbered titles count here, so prose that mentions "主动公开政府信息情况" is not split.
     */
    private static final Pattern INLINE = Pattern.compile(
            "(?:[一二三四五六][、.．]|[（(][一二三四五六][）)]|(?<![0-9０-９])[1-6１-６][、．])[\\s\u00A0\u3000]*"
                    + "(?:总体情况|主动公开政府信息(?:的)?情况|收到和处理政府信息公开申请(?:的)?情况"
                    + "|政府信息公开(?:的)?行政复议[、和及与]?行政诉讼(?:的)?情况|存在的?主要问题(?:及|和|与)(?:其)?改进(?:的)?(?:情况|措施)"
                    + "|其他需要报告的事项)"
                    // Reports leave the last two headings unnumbered; between spaces these titles are headings.
                    + "|(?<=[\\s\u00A0\u3000。])(?:其他需要报告的事项|存在的?主要问题(?:及|和|与)(?:其)?改进(?:的)?(?:情况|措施))(?=[\\s\u00A0\u3000])");
    private static final int INLINE_MIN = 41;
    private static final Pattern TITLE_END = Pattern.compile("^.{0,80}?政府信息公开工作年度报告(?=[\\s\u00A0\u3000])");

    /** A recognised heading and the index of its paragraph among the blocks. */
    record Found(SectionHeading heading, int blockIndex) {
    }

    /** The sections of a document: headings in document order, and which blocks belong to which section. */
    record Sections(List<Found> found, List<Block> blocks) {
        Found find(int number) {
            for (Found f : found) {
                if (f.heading().getNumber() == number) {
                    return f;
                }
            }
            return null;
        }

        /** The blocks after the heading of section {@code number} up to the next heading; empty if it is missing. */
        List<Block> blocks(int number) {
            Found f = find(number);
            if (f == null) {
                return List.of();
            }
            int end = blocks.size();
            for (Found g : found) {
                if (g.blockIndex() > f.blockIndex() && g.blockIndex() < end) {
                    end = g.blockIndex();
                }
            }
            return blocks.subList(f.blockIndex() + 1, end);
        }

        /** Blocks before the first heading: the title and the opening paragraph. */
        List<Block> preamble() {
            int end = found.isEmpty() ? Math.min(blocks.size(), 12) : found.stream().mapToInt(Found::blockIndex).min().getAsInt();
            return blocks.subList(0, end);
        }

        /** Blocks after the heading of the first of {@code numbers} that is present, to the end of the document. */
        List<Block> from(int... numbers) {
            for (int n : numbers) {
                Found f = find(n);
                if (f != null) {
                    return blocks.subList(f.blockIndex() + 1, blocks.size());
                }
            }
            return List.of();
        }
    }

    static boolean isHeading(String line) {
        return match(line) != null;
    }

    /** The section (1-6) a heading line opens, or 0 if the line is not a section heading. */
    static int sectionOf(String line) {
        int[] m = match(line);
        return m == null ? 0 : m[0];
    }

    /** The section number and numbering of a heading line, or null if the line is not a section heading. */
    private static int[] match(String line) {
        String s = Cells.squash(Cells.stripArtefacts(line));
        if (s.isEmpty() || s.length() > 40) {
            return null;
        }
        Matcher p = PREFIX.matcher(s);
        int numbering = Numbering.NONE.ordinal();
        int stated = 0;
        String rest = s;
        if (p.find()) {
            String digit;
            if ((digit = p.group("cn")) != null || (digit = p.group("pcn")) != null || (digit = p.group("part")) != null) {
                numbering = Numbering.CHINESE.ordinal();
                stated = "一二三四五六".indexOf(digit) + 1;
            } else {
                digit = p.group("ar") != null ? p.group("ar") : p.group("par");
                numbering = Numbering.ARABIC.ordinal();
                stated = Cells.halfWidth(digit).charAt(0) - '0';
            }
            rest = s.substring(p.end());
        }
        for (int n = 1; n <= 6; n++) {
            Matcher t = TITLES[n].matcher(rest);
            if (t.find() && END.matcher(rest.substring(t.end())).matches()) {
                return new int[] {n, numbering, stated};
            }
        }
        return null;
    }

    /**
     * The blocks with every long paragraph broken before and after each numbered heading it holds, so a heading is
     * found wherever it stands, not only at a line start.
     */
    static List<Block> breakAtHeadings(List<Block> blocks) {
        List<Block> out = null;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            List<Block> parts = b instanceof Block.Paragraph p && p.text().length() >= INLINE_MIN ? breakParagraph(p, i == 0) : null;
            if (parts != null && out == null) {
                out = new ArrayList<>(blocks.subList(0, i));
            }
            if (out != null) {
                if (parts != null) {
                    out.addAll(parts);
                } else {
                    out.add(b);
                }
            }
        }
        return out == null ? blocks : out;
    }

    private static List<Block> breakParagraph(Block.Paragraph p, boolean first) {
        Matcher m = INLINE.matcher(p.text());
        List<Block> parts = new ArrayList<>();
        int from = 0;
        Matcher title = first ? TITLE_END.matcher(p.text()) : null;
        if (title != null && title.find() && title.end() < p.text().length()) {
            // A page flattened onto one line: its title is the words up to 工作年度报告, the opening follows.
            addPart(p, 0, title.end(), parts);
            from = title.end();
        }
        while (m.find()) {
            addPart(p, from, m.start(), parts);
            addPart(p, m.start(), m.end(), parts);
            from = m.end();
        }
        if (from == 0) {
            return null;
        }
        addPart(p, from, p.text().length(), parts);
        return parts;
    }

    private static void addPart(Block.Paragraph p, int start, int end, List<Block> parts) {
        String text = p.text().substring(start, end);
        if (!Cells.trim(text).isEmpty()) {
            int line = p.line() + (int) p.text().substring(0, start).chars().filter(c -> c == '\n').count();
            parts.add(new Block.Paragraph(text, p.offset() + start, line));
        }
    }

    static Sections split(ExtractedDocument doc, Warnings warnings) {
        List<Found> found = new ArrayList<>();
        boolean[] seen = new boolean[7];
        List<Block> blocks = breakAtHeadings(doc.blocks());
        for (int i = 0; i < blocks.size(); i++) {
            if (!(blocks.get(i) instanceof Block.Paragraph para)) {
                continue;
            }
            int[] m = match(para.text());
            if (m == null || seen[m[0]]) {
                continue;
            }
            seen[m[0]] = true;
            String printed = Cells.trim(Cells.stripArtefacts(para.text()));
            Numbering numbering = Numbering.values()[m[1]];
            SectionHeading heading = SectionHeading.newBuilder()
                    .setNumber(m[0]).setHeading(printed).setNumbering(numbering).setOffset(para.offset()).build();
            found.add(new Found(heading, i));
            noteIrregular(m, printed, warnings);
        }
        for (int n = 1; n <= 6; n++) {
            if (!seen[n]) {
                warnings.add(WarningCode.MISSING_SECTION, n, null, null, "section " + n + " (" + expectedTitle(n) + ") not found");
            }
        }
        return new Sections(List.copyOf(found), blocks);
    }

    private static void noteIrregular(int[] m, String printed, Warnings warnings) {
        int n = m[0];
        Numbering numbering = Numbering.values()[m[1]];
        String expected = "一二三四五六".charAt(n - 1) + "、";
        if (numbering == Numbering.NONE) {
            warnings.add(WarningCode.IRREGULAR_NUMBERING, n, null, null, "section " + n + " heading \"" + printed + "\" has no number (expected " + expected + ")");
        } else if (m[2] != n) {
            warnings.add(WarningCode.IRREGULAR_NUMBERING, n, null, null, "section " + n + " heading \"" + printed + "\" is numbered " + m[2] + " (expected " + expected + ")");
        } else if (numbering == Numbering.ARABIC || !Cells.squash(printed).startsWith(expected)) {
            warnings.add(WarningCode.IRREGULAR_NUMBERING, n, null, null, "section " + n + " heading \"" + printed + "\" is not numbered " + expected);
        }
    }

    static String expectedTitle(int n) {
        return switch (n) {
            case 1 -> "一、总体情况";
            case 2 -> "二、主动公开政府信息情况";
            case 3 -> "三、收到和处理政府信息公开申请情况";
            case 4 -> "四、政府信息公开行政复议、行政诉讼情况";
            case 5 -> "五、存在的主要问题及改进情况";
            default -> "六、其他需要报告的事项";
        };
    }
}
