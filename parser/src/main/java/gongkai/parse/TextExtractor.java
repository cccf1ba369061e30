package gongkai.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the plain-text form in which reports usually reach us (text extracted from .docx): table cells one per
 * line, tab-indented, rows separated by blank lines. A merged header cell may be split over several lines and the
 * continuation lines are not indented ("\t（三）不予", "", "公开"); such short lines between cells are glued back
 * onto the cell before them.
 */
final class TextExtractor {
    private TextExtractor() {
    }

    private static final int MAX_CONTINUATION = 6;

    static ExtractedDocument extract(String text) {
        List<Line> lines = split(text);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            ParseBudget.check("line " + (i + 1));
            Line l = lines.get(i);
            if (l.isCell()) {
                i = readTable(lines, i, blocks);
            } else {
                if (!l.blank()) {
                    String t = Cells.stripArtefacts(l.text());
                    if (!Cells.trim(t).isEmpty()) {
                        blocks.add(new Block.Paragraph(t, l.offset(), l.number()));
                    }
                }
                i++;
            }
        }
        return new ExtractedDocument(DocumentType.TEXT, List.copyOf(blocks), text);
    }

    private record Line(String text, int offset, int number) {
        boolean isCell() {
            return text.startsWith("\t");
        }

        boolean blank() {
            return Cells.trim(text).isEmpty();
        }
    }

    private static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int n = 1;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String s = text.substring(start, end);
            if (s.endsWith("\r")) {
                s = s.substring(0, s.length() - 1);
            }
            lines.add(new Line(s, start, n++));
            start = end + 1;
        }
        return lines;
    }

    private static String withoutLeadingTabs(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '\t') {
            i++;
        }
        return s.substring(i);
    }

    private static int readTable(List<Line> lines, int i, List<Block> blocks) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        Line first = lines.get(i);
        boolean rowBreak = false;
        while (i < lines.size()) {
            Line l = lines.get(i);
            if (l.isCell()) {
                if (rowBreak && !row.isEmpty()) {
                    rows.add(row);
                    row = new ArrayList<>();
                }
                rowBreak = false;
                row.add(Cells.stripArtefacts(withoutLeadingTabs(l.text())));
                i++;
            } else if (l.blank()) {
                rowBreak = true;
                i++;
            } else if (!row.isEmpty() && continuationRunEndsInCell(lines, i)) {
                int last = row.size() - 1;
                row.set(last, row.get(last) + "\n" + Cells.stripArtefacts(l.text()));
                rowBreak = false;
                i++;
            } else {
                break;
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        blocks.add(new Block.Table(rows.stream().map(List::copyOf).toList(), first.offset(), first.number()));
        return i;
    }

    /** A short unindented line continues the cell above only if the short lines after it lead back into the table. */
    private static boolean continuationRunEndsInCell(List<Line> lines, int i) {
        for (int j = i; j < lines.size(); j++) {
            ParseBudget.check("table continuation at line " + (j + 1));
            Line l = lines.get(j);
            if (l.isCell()) {
                return true;
            }
            if (l.blank()) {
                continue;
            }
            String t = Cells.trim(l.text());
            if (t.length() > MAX_CONTINUATION || SectionSplitter.isHeading(t)) {
                return false;
            }
        }
        return false;
    }
}
