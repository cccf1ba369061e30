package gongkai.parse;

import gongkai.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gongkai.avro.CellKind;
import gongkai.avro.RequestRow;
import gongkai.avro.TemplateVersion;
import gongkai.report.RequestTable;
import gongkai.report.RequestTemplate;
import gongkai.report.RequestTemplate.Line;

/**
 * Reads section 3 (收到和处理政府信息公开申请情况) into the {@link RequestTable} row codes, from any layout.
 *
 * <p>The section is read as a stream of label text and values ({@link TableTokens}). A label is recognised by the
 * distinguishing words of {@link RequestTemplate} in the text gathered since the last row, and only as a row that can
 * still come (the table's order is fixed), so a header's "总计", a vertical "三、本年度办理结果" scattered over the rows,
 * a group label printed beside its third sub-row or a label wrapped around its numbers all land where they belong.
 * Values belong to the last row recognised. A row must end with exactly seven cells: the reader never guesses where a
 * missing cell was, it rejects the table naming the row (TABLE_UNREADABLE).
 */
final class RequestTableReader {
    private RequestTableReader() {
    }

    private static final int COLUMNS = RequestTable.COLUMNS.size();
    private static final List<Line> LINES = RequestTemplate.LINES;
    /** How many rows ahead a weak label ("3.其他", "（七）总计") may stand: only where the table expects it next. */
    private static final int WEAK_WINDOW = 2;

    /** A row as read: code, printed label, the seven printed cells; {@code tableLine} locates it. */
    record Row(String code, String label, List<String> cells, int tableLine, String inferred) {
    }

    /** The rows found by code, in the order read, and the last row read (for truncation messages). */
    record Result(Map<String, Row> rows, Row last, boolean hasOtherSubRows, boolean hasSingleOther, boolean foundTable,
            Map<String, String> labelOnly) {
        TemplateVersion structure() {
            if (hasOtherSubRows) {
                return TemplateVersion.T2021;
            }
            return hasSingleOther ? TemplateVersion.T2019 : null;
        }
    }

    static Result read(List<Block> blocks, Warnings warnings, String source) throws ReportRejectedException {
        return new Walk(warnings, source).run(TableTokens.of(blocks));
    }

    /** One pass over the tokens; the state of a reader half-way through a table. */
    private static final class Walk {
        private final Warnings warnings;
        private final String source;
        private final Map<String, Row> rows = new LinkedHashMap<>();
        private Row last;
        private int pos = -1;
        private Line current;
        private String currentLabel;
        private int currentLine;
        private final List<List<String>> values = new ArrayList<>();
        private boolean positional;
        /** Text since the last recognised label or the last values: a label still being assembled, or a tail. */
        private final StringBuilder pending = new StringBuilder();
        private final StringBuilder pendingPrinted = new StringBuilder();
        /** The printed words of {@code pending}: a row's label is the last of them that hold its words. */
        private final List<String> pendingWords = new ArrayList<>();
        /** Values that followed text no row was recognised in: they go to the row that text turns out to begin. */
        private List<String> orphan;
        private String orphanText;
        private boolean orphanBesideGroup;
        private boolean fromOrphan;
        private int orphanLine;
        private String currentInferred;
        /** Rows whose label stood with no number after it: a blank row lost in a text layout, not a missing row. */
        private final Map<String, String> labelOnly = new LinkedHashMap<>();
        private TemplateVersion seen;
        private boolean finished;
        private boolean inHeader;
        private boolean anyValues;

        Walk(Warnings warnings, String source) {
            this.warnings = warnings;
            this.source = source;
        }

        Result run(List<TableTokens.Token> tokens) throws ReportRejectedException {
            for (TableTokens.Token t : tokens) {
                if (finished) {
                    break;
                }
                if (t.isText()) {
                    text(t);
                } else {
                    values(t);
                }
            }
            close();
            if (orphan != null) {
                unread(orphanText, orphan);
            }
            return new Result(rows, last, rows.keySet().stream().anyMatch(c -> c.startsWith("OTHER_")),
                    rows.containsKey("OTHER"), anyValues || !rows.isEmpty(), labelOnly);
        }

        private void text(TableTokens.Token t) throws ReportRejectedException {
            if (TableTokens.PROSE.equals(t.text())) {
                pending.setLength(0);
                pendingPrinted.setLength(0);
                pendingWords.clear();
            pendingWords.clear();
                return;
            }
            String word = normalise(t.text());
            if (word.isEmpty()) {
                return;
            }
            if (isHeaderWord(word)) {
                // A table header repeated after a page break: its 其他 and 总计 are columns, not rows.
                inHeader = true;
            }
            pending.append(word);
            pendingPrinted.append(pendingPrinted.length() == 0 ? "" : " ").append(Cells.trim(t.text()));
            pendingWords.add(Cells.trim(t.text()));
            int match = match(word);
            if (match < 0) {
                return;
            }
            close();
            pos = match;
            current = LINES.get(match);
            currentLabel = labelOf(current);
            currentLine = t.line();
            if (orphan != null && !current.isGroupLabel()
                    && (orphanBesideGroup || pendingPrinted.toString().startsWith(orphanText))) {
                // The numbers stood on the first line of a label wrapped over several, or beside the group label
                // above the row: they are this row's unless it turns out to have numbers of its own.
                values.add(orphan);
                fromOrphan = true;
                currentInferred = "the numbers on line " + orphanLine + " (" + String.join(" ", orphan) + ") stood before this row's"
                        + " label (" + (orphanBesideGroup ? "beside its group label" : "on the first line of a label wrapped around them")
                        + ") and were given to this row";
                orphan = null;
            }
            pending.setLength(0);
            pendingPrinted.setLength(0);
            pendingWords.clear();
        }

        private void values(TableTokens.Token t) throws ReportRejectedException {
            anyValues = true;
            inHeader = false;
            if (current == null) {
                // Before the first row: numbers in a header or an introductory sentence.
                pending.setLength(0);
                pendingPrinted.setLength(0);
                pendingWords.clear();
            pendingWords.clear();
                return;
            }
            int have = values.stream().mapToInt(List::size).sum();
            if (pending.length() > 0 && have >= COLUMNS) {
                // Text no row was recognised in, then numbers: an unknown row, or the first line of a wrapped label.
                if (orphan != null) {
                    unread(orphanText, orphan);
                }
                orphan = t.values();
                orphanLine = t.line();
                orphanText = pendingPrinted.toString();
                orphanBesideGroup = false;
                return;
            }
            if (fromOrphan && !values.isEmpty() && pending.length() == 0) {
                currentInferred = null;
                // The row has numbers of its own right after its label: what stood before it was not its.
                unread(orphanText, values.get(0));
                values.clear();
                have = 0;
            }
            fromOrphan = false;
            if (have == 0 && orphan != null) {
                unread(orphanText, orphan);
                orphan = null;
            }
            values.add(t.values());
            positional |= t.positional();
            if ("OTHER".equals(current.code())) {
                seen = TemplateVersion.T2019;
            } else if (current.code() != null && current.code().startsWith("OTHER_")) {
                seen = TemplateVersion.T2021;
            }
            pending.setLength(0);
            pendingPrinted.setLength(0);
            pendingWords.clear();
            if (RequestTable.CARRY_FORWARD.equals(current.code()) && have + t.values().size() >= COLUMNS) {
                close();
                finished = true;
            }
        }

        /**
         * The printed label of a recognised line: the shortest run of the last words that holds one of its words, so
         * a header or a stray character before the label is not part of it.
         */
        private String labelOf(Line line) {
            StringBuilder joined = new StringBuilder();
            for (int i = pendingWords.size() - 1; i >= 0; i--) {
                joined.insert(0, normalise(pendingWords.get(i)));
                String text = joined.toString();
                if (line.words().stream().anyMatch(text::contains) || i == 0) {
                    return String.join(" ", pendingWords.subList(i, pendingWords.size()));
                }
            }
            return pendingPrinted.toString();
        }

        /** The index of the line the text recognises, or -1: the furthest row ahead whose words it holds. */
        private int match(String lastWord) {
            String text = pending.toString();
            int best = -1;
            for (int i = pos + 1; i < LINES.size(); i++) {
                Line l = LINES.get(i);
                if (l.weak() || conflicts(l)) {
                    continue;
                }
                for (String w : l.words()) {
                    if (text.contains(w)) {
                        best = i;
                        break;
                    }
                }
            }
            String bare = withoutNumbering(lastWord);
            int rowsAhead = inHeader ? WEAK_WINDOW : 0;
            for (int i = pos + 1; i < LINES.size() && rowsAhead < WEAK_WINDOW; i++) {
                Line l = LINES.get(i);
                if (l.isGroupLabel() || conflicts(l)) {
                    continue;
                }
                rowsAhead++;
                if (l.weak() && l.words().contains(bare) && i > best) {
                    best = i;
                }
            }
            if (best < 0) {
                best = bySubNumber(lastWord);
            }
            return best;
        }

        /** A sub-row whose words are unusual but whose number is the next of its group ("3.其他情形" under （六）). */
        private int bySubNumber(String word) {
            if (current == null || current.group() == null || word.length() < 3) {
                return -1;
            }
            char d = word.charAt(0);
            if (d < '1' || d > '9' || "．.、".indexOf(word.charAt(1)) < 0) {
                return -1;
            }
            int wanted = d - '0';
            if (wanted != current.index() + 1) {
                return -1;
            }
            for (int i = pos + 1; i < LINES.size(); i++) {
                Line l = LINES.get(i);
                if (l.group() == current.group() && l.index() == wanted && !conflicts(l)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean conflicts(Line l) {
            return seen != null && l.only() != null && l.only() != seen;
        }

        private void close() throws ReportRejectedException {
            Line line = current;
            if (line == null) {
                return;
            }
            List<List<String>> got = List.copyOf(values);
            values.clear();
            fromOrphan = false;
            String inferred = currentInferred;
            currentInferred = null;
            boolean wasPositional = positional;
            positional = false;
            current = null;
            int n = got.stream().mapToInt(List::size).sum();
            if (n == 0) {
                if (!line.isGroupLabel()) {
                    labelOnly.putIfAbsent(line.code(), currentLabel);
                }
                return;
            }
            List<String> flat = got.stream().flatMap(List::stream).toList();
            if (line.isGroupLabel()) {
                if (flat.stream().anyMatch(v -> !Cells.squash(v).isEmpty())) {
                    if (orphan != null) {
                        unread(orphanText, orphan);
                    }
                    orphan = flat;
                    orphanLine = currentLine;
                    orphanText = currentLabel;
                    orphanBesideGroup = true;
                }
                return;
            }
            String label = currentLabel == null || currentLabel.isEmpty() ? line.labelZh() : currentLabel;
            List<String> cells;
            if (n == COLUMNS) {
                cells = flat;
            } else if (n > COLUMNS && got.get(0).size() == COLUMNS) {
                cells = got.get(0);
                warnings.add(WarningCode.EXTRA_CELLS, 3, line.code(), null, "section 3: row " + label + " is followed by "
                        + (n - COLUMNS) + " more values (" + String.join(" ", flat.subList(COLUMNS, n)) + "); its first "
                        + COLUMNS + " were read");
            } else if (n > COLUMNS && got.size() == 1 && wasPositional) {
                cells = flat.subList(n - COLUMNS, n);
                warnings.add(WarningCode.EXTRA_CELLS, 3, line.code(), null, "section 3: row " + label + " has " + n
                        + " cells; the last " + COLUMNS + " were read");
            } else {
                throw new ReportRejectedException(RejectionReason.TABLE_UNREADABLE, source,
                        "section 3 (line " + currentLine + "), row " + label + " (" + line.code() + ") has " + n + " of " + COLUMNS
                                + " cells (" + String.join(" ", flat) + ")"
                                + (wasPositional ? "" : ": the layout gives no cell positions, so a blank cell cannot be placed")
                                + lastReadSuffix(last));
            }
            if (rows.containsKey(line.code())) {
                warnings.add(WarningCode.DUPLICATE_ROW, 3, line.code(), null, "section 3: row " + label + " (" + line.code() + ") appears twice; the first was kept");
                return;
            }
            Row read = new Row(line.code(), label, List.copyOf(cells), currentLine, inferred);
            rows.put(line.code(), read);
            last = read;
        }

        private void unread(String text, List<String> cells) {
            String label = text == null || text.isBlank() ? "(no label)" : SafeText.clip(text, 60);
            warnings.add(WarningCode.UNREAD_ROW, 3, label, null, "section 3: \"" + label + "\" with values " + String.join(" ", cells)
                    + " is not a row of the template; not read");
        }
    }

    private static final List<String> HEADER_WORDS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
            "法人或其他组织", "申请人情况");

    private static boolean isHeaderWord(String normalised) {
        for (String h : HEADER_WORDS) {
            if (normalised.contains(h)) {
                return true;
            }
        }
        return false;
    }

    /** Label text as compared: no spaces, no punctuation of any width, no quotes. */
    static String normalise(String s) {
        String squashed = Cells.squash(Cells.halfWidth(s));
        StringBuilder b = new StringBuilder(squashed.length());
        for (int i = 0; i < squashed.length(); i++) {
            char c = squashed.charAt(i);
            int type = Character.getType(c);
            boolean punctuation = type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                    || type == Character.OTHER_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                    || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.DASH_PUNCTUATION
                    || type == Character.CONNECTOR_PUNCTUATION;
            // Keep the dot or 、 after a sub-row number: it is how "3.其他" is told from the word 其他.
            if (!punctuation || (c == '.' || c == '、') && i > 0 && Character.isDigit(squashed.charAt(i - 1))) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** "3.其他" → "其他", "（七）总计" (already without brackets) → "总计". */
    private static String withoutNumbering(String normalised) {
        String s = normalised;
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.' || s.charAt(i) == '、')) {
            i++;
        }
        s = s.substring(i);
        if (s.length() > 1 && "一二三四五六七八九十".indexOf(s.charAt(0)) >= 0
                && (s.length() > 2 && "一二三四五六七八九十".indexOf(s.charAt(1)) < 0)) {
            String rest = s.substring(1);
            if (rest.equals("总计") || rest.equals("合计") || rest.equals("其他")) {
                return rest;
            }
        }
        return s;
    }

    static String lastReadSuffix(Row last) {
        return last == null ? "; no row of the table could be read" : "; the last row read was " + last.label() + " (" + last.code() + ")";
    }

    /**
     * The rows in template order with their numbers, or TABLE_TRUNCATED naming the first row the template needs
     * that the table does not have. Zero signs ("—", "/", "无") are read as 0 and noted once for the table.
     */
    static List<RequestRow> complete(Result result, TemplateVersion template, Warnings warnings, String source)
            throws ReportRejectedException {
        List<RequestRow> out = new ArrayList<>();
        Map<String, List<String>> zeroSigns = new TreeMap<>();
        for (String code : RequestTable.rowCodes(template)) {
            Row row = result.rows().get(code);
            if (row == null && result.labelOnly().containsKey(code)) {
                throw new ReportRejectedException(RejectionReason.TABLE_UNREADABLE, source, "section 3, row "
                        + result.labelOnly().get(code) + " (" + code + ") stands with no number after it: its cells are"
                        + " blank or were lost by the layout, and a blank cell cannot be placed without cell positions");
            }
            if (row == null) {
                String what = RequestTable.CARRY_FORWARD.equals(code)
                        ? "section 3 ends before 四、结转下年度继续办理 (CARRY_FORWARD)"
                        : "section 3 has no row " + code + " (" + template + " template)";
                throw new ReportRejectedException(RejectionReason.TABLE_TRUNCATED, source, what + lastReadSuffix(result.last()));
            }
            List<Long> cells = new ArrayList<>(COLUMNS);
            List<String> raw = new ArrayList<>(COLUMNS);
            List<CellKind> kinds = new ArrayList<>(COLUMNS);
            for (int i = 0; i < COLUMNS; i++) {
                Cells.Number n = Cells.integer(row.cells().get(i));
                warnings.cell(n, 3, code, RequestTable.COLUMNS.get(i));
                cells.add(n.asLong());
                raw.add(n.raw());
                kinds.add(n.kind());
                if (n.notation() != null) {
                    zeroSigns.computeIfAbsent(n.raw(), k -> new ArrayList<>()).add(code + "/" + RequestTable.COLUMNS.get(i));
                }
            }
            if (row.inferred() != null) {
                // Never silently certain: the cells stand, but the report says how they were placed.
                kinds.replaceAll(k -> k == CellKind.NUMBER || k == CellKind.ZERO_NOTATION ? CellKind.INFERRED : k);
                warnings.add(WarningCode.CELL_INFERRED, 3, code, null, "section 3, row " + row.label() + " (" + code + "), line "
                        + row.tableLine() + ": " + row.inferred());
            }
            out.add(RequestRow.newBuilder().setCode(code).setLabel(row.label()).setCells(cells).setRaw(raw).setKinds(kinds).build());
        }
        warnings.zeroSigns(3, zeroSigns);
        return out;
    }
}
