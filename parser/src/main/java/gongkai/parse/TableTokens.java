package gongkai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table section reduced to what every layout has in common: label text and runs of values, in reading order.
 * Extracted tables (HTML, Word, one cell per line, PDF by position) give their rows as cells, so a blank cell keeps its
 * column; text layouts (a row per line, a page flattened onto one line) give words, and a value is a word that is a
 * count or a zero sign. Page footers ("- 5 -", "第5页") that fall inside a table are dropped here, once for all readers.
 */
final class TableTokens {
    private TableTokens() {
    }

    /** Label text, or a run of values; {@code positional} values came from table cells (a blank is a real cell). */
    record Token(String text, List<String> values, boolean positional, int line) {
        boolean isText() {
            return text != null;
        }
    }

    private static final Pattern FOOTER = Pattern.compile(
            "^(?:[-—–－‐―]+\\s*\\d{1,3}\\s*[-—–－‐―]+|第\\s*\\d{1,3}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,3}\\s*页)?|\\d{1,3}\\s*/\\s*\\d{1,3}|[Pp]age\\s*\\d{1,3}(?:\\s*of\\s*\\d{1,3})?)$");
    /** A footer run into the text of a flattened page: "- 4 -" between two rows. */
    private static final Pattern INLINE_FOOTER = Pattern.compile("(?<=\\s)[-—–－]\\s?\\d{1,3}\\s?[-—–－](?=\\s)");

    /** Stands where prose was: it ends the label being assembled, and is no label itself. */
    static final String PROSE = "\u0000prose";
    private static final Pattern COUNT_IN_WORDS = Pattern.compile("\\p{IsHan}[0-9０-９]+(?:件|条|个|项|次)");
    private static final int LONGEST_LABEL = 45;
    private static final Pattern GLUED = Pattern.compile("(.*[\\p{IsHan}）)”\"])([0-9０-９][0-9０-９,，]*)");

    /** A sentence, not a label: it ends with 。, states a count in its words, or is longer than any row label. */
    static boolean isProse(String word) {
        return word.indexOf('。') >= 0 || word.length() > LONGEST_LABEL || COUNT_IN_WORDS.matcher(word).find();
    }

    static boolean isFooter(String line) {
        return FOOTER.matcher(Cells.trim(line)).matches();
    }

    static List<Token> of(List<Block> blocks) throws ReportRejectedException {
        List<Token> out = new ArrayList<>();
        int checked = 0;
        for (Block b : blocks) {
            if (++checked % 64 == 0) {
                ParseBudget.checkpoint("table at line " + b.line());
            }
            if (b instanceof Block.Table t) {
                for (List<String> row : t.rows()) {
                    addRow(row, t.line(), out);
                }
            } else if (b instanceof Block.Paragraph p) {
                addText(p.text(), p.line(), out);
            }
        }
        return out;
    }

    private static void addRow(List<String> row, int line, List<Token> out) {
        if (isFooter(String.join(" ", row))) {
            return;
        }
        int lastLabel = -1;
        for (int i = 0; i < row.size(); i++) {
            if (!Cells.isValueLike(row.get(i))) {
                lastLabel = i;
            }
        }
        if (row.size() == 1 && lastLabel < 0 && !Cells.squash(row.get(0)).isEmpty()) {
            // A lone value-like cell ("一" wrapped off a label, a stray page number) says nothing about columns.
            addText(row.get(0), line, out);
            return;
        }
        for (int i = 0; i <= lastLabel; i++) {
            String label = Cells.stripArtefacts(row.get(i));
            if (!Cells.squash(label).isEmpty() && !isFooter(label)) {
                out.add(new Token(isProse(Cells.squash(label)) ? PROSE : label, null, false, line));
            }
        }
        List<String> values = row.subList(lastLabel + 1, row.size());
        if (values.stream().anyMatch(v -> Cells.hanCount(v, 1) > 0 && !Cells.isValueToken(Cells.squash(v)))
                && values.stream().noneMatch(v -> Cells.isValueToken(Cells.squash(v)))) {
            // Short words split into cells ("结 果 维 持" of a header broken over lines): text, not values.
            for (String v : values) {
                if (!Cells.squash(v).isEmpty()) {
                    out.add(new Token(v, null, false, line));
                }
            }
            return;
        }
        // A labelled row keeps its blank cells (a row left blank is still seven cells); a row of blanks alone is spacing.
        if (!values.isEmpty() && (lastLabel >= 0 || values.stream().anyMatch(v -> !Cells.squash(v).isEmpty()))) {
            out.add(new Token(null, List.copyOf(values), true, line));
        }
    }

    private static void addText(String text, int firstLine, List<Token> out) {
        int line = firstLine;
        for (String l : text.split("\\R")) {
            String clean = Cells.stripArtefacts(l);
            if (!isFooter(clean)) {
                addWords(INLINE_FOOTER.matcher(clean).replaceAll(" "), line, out);
            }
            line++;
        }
    }

    private static void addWords(String line, int number, List<Token> out) {
        List<String> run = new ArrayList<>();
        for (String word : line.split("[\\s\\u00A0\\u3000]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Matcher glued = GLUED.matcher(word);
            if (glued.matches() && !isProse(word)) {
                // "（七）总计2932": a label and its first number without a space between them.
                if (!run.isEmpty()) {
                    out.add(new Token(null, List.copyOf(run), false, number));
                    run.clear();
                }
                out.add(new Token(glued.group(1), null, false, number));
                run.add(glued.group(2));
            } else if (Cells.isValueToken(word)) {
                run.add(word);
            } else {
                if (!run.isEmpty()) {
                    out.add(new Token(null, List.copyOf(run), false, number));
                    run.clear();
                }
                if (isProse(word)) {
                    // A sentence about the table ("本年新收申请18件，结转下年度1件。") names rows but is none.
                    out.add(new Token(PROSE, null, false, number));
                    continue;
                }
                // Each word stays its own token: a weak label ("3、其他") is recognised only as a whole word.
                out.add(new Token(word, null, false, number));
            }
        }
        if (!run.isEmpty()) {
            out.add(new Token(null, List.copyOf(run), false, number));
        }
    }
}
