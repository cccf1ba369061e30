package gongkai.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rebuilds lines and words from the positioned characters of each page, drops what a printer adds to every page
 * (page numbers, running headers and footers), and stacks the pages into one flow so that a table broken by a page
 * break reads as one table.
 */
final class PdfLayout {
    private PdfLayout() {
    }

    /** Lines in reading order and the table borders, all in flow coordinates. */
    record Flow(List<PdfLine> lines, List<PdfRule> rules, int characters) {
    }

    /** "- 5 -", "— 5 —", "第 5 页", "第5页 共6页", "5/6", "5", "Page 5 of 6". */
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—–－一~·\\s]*\\d{1,4}[-—–－一~·\\s]*|第\\d{1,4}页(?:[,，/\\s]*共\\d{1,4}页)?|共\\d{1,4}页第\\d{1,4}页|\\d{1,4}/\\d{1,4}|(?i:page)\\d{1,4}(?:(?i:of)\\d{1,4})?)$");
    /** Gap between the last line of a page and the first of the next, in the flow: small, so a cell split by the break joins. */
    private static final double PAGE_GAP = 2.0;
    private static final double MARGIN_BAND = 0.12;

    static Flow flow(List<PdfPageReader.Page> pages) {
        List<List<PdfLine>> perPage = new ArrayList<>();
        int characters = 0;
        for (PdfPageReader.Page p : pages) {
            perPage.add(lines(p));
            characters += p.glyphs().size();
        }
        dropFurniture(pages, perPage);
        List<PdfLine> out = new ArrayList<>();
        List<PdfRule> rules = new ArrayList<>();
        double offset = 0;
        for (int i = 0; i < pages.size(); i++) {
            List<PdfLine> lines = perPage.get(i);
            if (lines.isEmpty()) {
                continue;
            }
            double top = lines.stream().mapToDouble(l -> l.y() - l.size()).min().orElse(0);
            double bottom = lines.stream().mapToDouble(PdfLine::y).max().orElse(0);
            double shift = offset - top;
            for (PdfLine l : lines) {
                List<PdfWord> words = new ArrayList<>(l.words().size());
                for (PdfWord w : l.words()) {
                    words.add(w.moved(shift));
                }
                out.add(new PdfLine(words, l.y() + shift, l.size(), l.page()));
            }
            for (PdfRule r : pages.get(i).rules()) {
                // Borders above the first line or below the last close the table at the page break; they do not part cells.
                if (r.y() > top && r.y() < bottom + lines.get(lines.size() - 1).size() * 0.3) {
                    rules.add(new PdfRule(r.x1(), r.x2(), r.y() + shift));
                }
            }
            offset += bottom - top + PAGE_GAP;
        }
        rules.sort(Comparator.comparingDouble(PdfRule::y));
        return new Flow(out, rules, characters);
    }

    /** Groups a page's characters into lines (by baseline) and words (by gaps), top to bottom. */
    static List<PdfLine> lines(PdfPageReader.Page page) {
        List<PdfGlyph> glyphs = new ArrayList<>(page.glyphs());
        glyphs.sort(PdfLayout::byBaselineThenX);
        List<PdfLine> lines = new ArrayList<>();
        int i = 0;
        while (i < glyphs.size()) {
            PdfGlyph first = glyphs.get(i);
            double tolerance = first.size() * 0.3;
            int j = i + 1;
            while (j < glyphs.size() && glyphs.get(j).y() - first.y() <= Math.min(tolerance, glyphs.get(j).size() * 0.3)) {
                j++;
            }
            List<PdfGlyph> line = new ArrayList<>(glyphs.subList(i, j));
            line.sort((a, b) -> Double.compare(a.x1(), b.x1()));
            lines.add(line(line, page.number(), page.verticals()));
            i = j;
        }
        return lines;
    }

    private static int byBaselineThenX(PdfGlyph a, PdfGlyph b) {
        int c = Double.compare(a.y(), b.y());
        return c != 0 ? c : Double.compare(a.x1(), b.x1());
    }

    private static PdfLine line(List<PdfGlyph> glyphs, int page, List<PdfVRule> borders) {
        List<PdfWord> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        PdfGlyph start = glyphs.get(0);
        PdfGlyph previous = null;
        double ySum = 0;
        double size = 0;
        int count = 0;
        double maxSize = 0;
        boolean startBordered = false;
        for (PdfGlyph g : glyphs) {
            if (previous != null) {
                double gap = g.x1() - previous.x2();
                double em = Math.min(g.size(), previous.size());
                // Table cells print close together when columns are narrow: a border between two characters parts
                // them even where the gap is small ("1.属于国家" | "0").
                boolean bordered = bordered(previous, g, borders);
                if (gap > em * 0.45 || bordered) {
                    words.add(new PdfWord(text.toString(), start.x1(), previous.x2(), ySum / count, size, page, startBordered));
                    startBordered = bordered;
                    text.setLength(0);
                    start = g;
                    ySum = 0;
                    size = 0;
                    count = 0;
                } else if ((g.spaceBefore() || gap > em * 0.15 && latinLetterOrDigit(previous.text()) && latinLetterOrDigit(g.text()))
                        && !(isDigit(previous.text()) && (isDigit(g.text()) || g.text().charAt(0) >= 0x2E80)
                                || isDigit(g.text()) && previous.text().charAt(0) >= 0x2E80)) {
                    // The spaces the PDF printed, and those between Latin words; not between digits or a digit and a
                    // Chinese character: "2 0 2 4 年" is 2024年.
                    text.append(' ');
                }
            }
            text.append(g.text());
            ySum += g.y();
            size = Math.max(size, g.size());
            maxSize = Math.max(maxSize, g.size());
            count++;
            previous = g;
        }
        words.add(new PdfWord(text.toString(), start.x1(), previous.x2(), ySum / count, size, page, startBordered));
        double y = words.stream().mapToDouble(PdfWord::y).max().orElse(0);
        return new PdfLine(words, y, maxSize, page);
    }

    private static boolean bordered(PdfGlyph left, PdfGlyph right, List<PdfVRule> borders) {
        double from = (left.x1() + left.x2()) / 2;
        double to = (right.x1() + right.x2()) / 2;
        double y = (left.y() + right.y()) / 2 - left.size() * 0.3;
        for (PdfVRule b : borders) {
            if (b.x() > from && b.x() < to && b.top() <= y && b.bottom() >= y) {
                return true;
            }
        }
        return false;
    }

    private static boolean latinLetterOrDigit(String s) {
        char c = s.charAt(s.length() - 1);
        return c < 0x80 && Character.isLetterOrDigit(c) || c >= '０' && c <= '９';
    }

    private static boolean isDigit(String s) {
        char c = s.charAt(0);
        return c >= '0' && c <= '9' || c >= '０' && c <= '９';
    }

    /** Removes page numbers in the top and bottom margins, and lines repeated in the margins of most pages. */
    private static void dropFurniture(List<PdfPageReader.Page> pages, List<List<PdfLine>> perPage) {
        Map<String, Integer> repeated = new HashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            List<PdfLine> lines = perPage.get(i);
            for (int k = 0; k < lines.size(); k++) {
                if (inMargin(lines, k, pages.get(i))) {
                    repeated.merge(key(lines.get(k)), 1, Integer::sum);
                }
            }
        }
        int enough = Math.max(3, (pages.size() + 1) / 2);
        for (int i = 0; i < pages.size(); i++) {
            List<PdfLine> lines = perPage.get(i);
            List<PdfLine> kept = new ArrayList<>(lines.size());
            for (int k = 0; k < lines.size(); k++) {
                PdfLine l = lines.get(k);
                boolean furniture = inMargin(lines, k, pages.get(i))
                        && (PAGE_NUMBER.matcher(Cells.halfWidth(Cells.squash(l.text()))).matches() || repeated.get(key(l)) >= enough);
                if (!furniture) {
                    kept.add(l);
                }
            }
            perPage.set(i, kept);
        }
    }

    /** The first two or last two lines of a page, when they stand in its top or bottom margin. */
    private static boolean inMargin(List<PdfLine> lines, int k, PdfPageReader.Page page) {
        boolean edge = k < 2 || k >= lines.size() - 2;
        double y = lines.get(k).y();
        return edge && (y < page.height() * MARGIN_BAND || y > page.height() * (1 - MARGIN_BAND));
    }

    private static String key(PdfLine l) {
        return Cells.halfWidth(Cells.squash(l.text())).replaceAll("\\d+", "#");
    }
}
