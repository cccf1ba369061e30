package gongkai.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a table from word positions: a PDF has no cells, only words placed on the page.
 *
 * <p>The numbers fix the grid: their x-ranges, clustered over all rows, are the value columns, and numbers on one
 * baseline are one row. A row's cells are one per column, blank where the row prints nothing there. Everything left of
 * the first value column is label text, read in label columns (by x):
 * <ul>
 * <li>a row's own label (its "leaf") is the rightmost label line on or next to its baseline; the lines of the same
 * cell wrapped above or below it are joined to it (not across a drawn border, not onto a line that opens with an item
 * number such as "2." or "（三）");</li>
 * <li>a label standing alone between rows and numbered like a row ("3.其他") is a row whose values are all blank;</li>
 * <li>any other label text spans several rows (a merged parent cell such as "（三）不予公开", or "三、本年度办理结果"
 * printed one character per line): it is joined and given to the first row of the rows it spans, as a merged cell
 * is in a Word table;</li>
 * <li>lines without numbers above the first row are headers, kept as text rows.</li>
 * </ul>
 */
final class PdfTableReader {
    private PdfTableReader() {
    }

    private static final Pattern VALUE = Pattern.compile("^[+\\-－]?[0-9０-９][0-9０-９,，.．]*[件个条项次%％]?$");
    private static final Pattern ZERO_MARK = Pattern.compile("^(?:[—－\\-–―/／]{1,3}|无)$");
    private static final Pattern MARKER = Pattern.compile(
            "^(?:第[一二三四五六七八九十0-9]+条|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[.．、,，](?![0-9０-９]))");
    /** More rows than any report table has: a document built to make the reading quadratic. */
    static final int MAX_ROWS = 1_000;
    /** How far (in font sizes) the lines of one cell stand apart at most. */
    private static final double CELL_LINE_GAP = 2.5;

    private static final class Piece {
        final String text;
        final double x1;
        final double x2;
        final double y;
        final double size;
        final int page;
        int column;
        Row owner;
        boolean used;
        /** On one line with header words over the value columns ("信息内容" beside "本年制发件数"): never a row's label. */
        boolean header;

        boolean free() {
            return !used && !header;
        }

        Piece(String text, double x1, double x2, double y, double size, int page) {
            this.page = page;
            this.text = text;
            this.x1 = x1;
            this.x2 = x2;
            this.y = y;
            this.size = size;
        }

        boolean numbered() {
            return MARKER.matcher(Cells.squash(text)).find();
        }
    }

    private static final class Row {
        final double y;
        final double size;
        final Map<Integer, String> values = new TreeMap<>();
        final List<Piece> leaf = new ArrayList<>();
        final TreeMap<Integer, String> parents = new TreeMap<>();
        final Set<Integer> spannedBy = new LinkedHashSet<>();

        Row(double y, double size) {
            this.y = y;
            this.size = size;
        }

        int leafColumn() {
            return leaf.isEmpty() ? -1 : leaf.get(0).column;
        }

        String leafText() {
            StringBuilder b = new StringBuilder();
            leaf.stream().sorted(Comparator.comparingDouble(p -> p.y)).forEach(p -> b.append(p.text));
            return b.toString();
        }

        double top() {
            return leaf.stream().mapToDouble(p -> p.y - p.size).min().orElse(y - size);
        }
    }

    private record Column(double x1, double x2) {
    }

    /** A row of output with its position, so value rows and text rows come out in the order printed. */
    private record Out(double y, Row row, List<String> text, boolean overValues) {
    }

    /**
     * The rows of the table printed on {@code lines}. With {@code mergeHeaders}, the header lines above the first row
     * are rebuilt as cells: words over one value column are that column's header, joined top to bottom ("商 业 企" over
     * "业" is 商业企业), words spanning several columns ("法人或其他组织") come first as rows of their own.
     */
    static List<List<String>> read(List<PdfLine> lines, List<PdfRule> rules, boolean mergeHeaders, String source, int section)
            throws ReportRejectedException {
        List<PdfWord> values = new ArrayList<>();
        for (PdfLine l : lines) {
            for (PdfWord w : l.words()) {
                if (VALUE.matcher(Cells.squash(w.text())).matches()) {
                    values.add(w);
                }
            }
        }
        if (values.isEmpty()) {
            List<List<String>> out = new ArrayList<>();
            for (PdfLine l : lines) {
                out.add(textCells(l.words()));
            }
            return out;
        }
        // Marks written for zero ("—", "/", "无") are values where they stand right of the labels; a column may hold
        // nothing else, so the columns are found again with them.
        double labelLimit = columns(values).get(0).x1();
        for (PdfLine l : lines) {
            for (PdfWord w : l.words()) {
                if (w.x1() >= labelLimit - w.size() * 0.5 && ZERO_MARK.matcher(Cells.squash(w.text())).matches()) {
                    values.add(w);
                }
            }
        }
        List<Column> columns = columns(values);
        labelLimit = columns.get(0).x1();
        int[] collisions = new int[1];
        List<Row> rows = rows(values, columns, collisions);
        if (rows.size() > MAX_ROWS) {
            throw new ReportRejectedException(RejectionReason.TOO_COMPLEX, source, "the table of section " + section + " has "
                    + rows.size() + " rows of numbers, more than the " + MAX_ROWS + " a report table can have");
        }
        ParseBudget.checkpoint("the table of section " + section);
        if (collisions[0] > rows.size() / 10) {
            return lineRows(lines);
        }
        Set<PdfWord> valueWords = Collections.newSetFromMap(new IdentityHashMap<>());
        valueWords.addAll(values);

        List<Piece> pieces = new ArrayList<>();
        Map<Double, List<PdfWord>> others = new TreeMap<>();
        for (PdfLine l : lines) {
            int firstPiece = pieces.size();
            Piece open = null;
            for (PdfWord w : l.words()) {
                if (valueWords.contains(w)) {
                    open = null;
                    continue;
                }
                if (w.x2() <= labelLimit + w.size() * 0.3) {
                    if (open != null && w.x1() - open.x2 <= w.size() && !w.bordered()) {
                        Piece merged = new Piece(open.text + w.text(), open.x1, w.x2(), Math.max(open.y, w.y()), Math.max(open.size, w.size()), w.page());
                        pieces.set(pieces.size() - 1, merged);
                        open = merged;
                    } else {
                        open = new Piece(w.text(), w.x1(), w.x2(), w.y(), w.size(), w.page());
                        pieces.add(open);
                    }
                } else {
                    others.computeIfAbsent(l.y(), k -> new ArrayList<>()).add(w);
                    open = null;
                }
            }
            if (others.containsKey(l.y())) {
                pieces.subList(firstPiece, pieces.size()).forEach(p -> p.header = true);
            }
        }
        labelColumns(pieces);
        pieces.sort(Comparator.comparingDouble((Piece p) -> p.y).thenComparingDouble(p -> p.x1));

        for (Row r : rows) {
            chooseLeaf(r, pieces);
        }
        rows.sort(Comparator.comparingDouble(r -> r.y));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (!r.leaf.isEmpty()) {
                extend(r, i, rows, pieces, rules);
            }
        }
        double headerEnd = rows.get(0).top() - rows.get(0).size * 0.3;
        blankRows(rows, pieces, rules, headerEnd);
        parents(rows, pieces, rules, headerEnd);

        List<Out> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Out(r.y, r, null, false));
        }
        Map<Double, List<PdfWord>> textLines = new TreeMap<>(others);
        for (Piece p : pieces) {
            if (!p.used) {
                textLines.computeIfAbsent(p.y, k -> new ArrayList<>()).add(new PdfWord(p.text, p.x1, p.x2, p.y, p.size, 0, false));
            }
        }
        List<PdfWord> headerWords = new ArrayList<>();
        Set<Double> merged = mergeHeaders ? Set.of() : partHeaders(textLines, rows, columns, labelLimit, out);
        for (Map.Entry<Double, List<PdfWord>> e : textLines.entrySet()) {
            if (mergeHeaders && e.getKey() < headerEnd) {
                headerWords.addAll(e.getValue());
                continue;
            }
            if (merged.contains(e.getKey())) {
                continue;
            }
            List<PdfWord> ws = new ArrayList<>(e.getValue());
            ws.sort(Comparator.comparingDouble(PdfWord::x1));
            out.add(new Out(e.getKey(), null, textCells(ws), overValues(ws, labelLimit)));
        }
        if (!headerWords.isEmpty()) {
            List<List<String>> header = header(headerWords, columns, labelLimit);
            for (int k = 0; k < header.size(); k++) {
                out.add(new Out(headerEnd - header.size() + k - 1, null, header.get(k), true));
            }
        }
        out.sort(Comparator.comparingDouble(Out::y));
        return assemble(out, rows);
    }

    /**
     * Section 2's small tables: the header lines between two rows (but the 第二十条 item line) are one header, its
     * cells broken over lines ("本年制发" over "件数") joined over the columns of the rows that follow it. Adds the header
     * rows to {@code out}; returns the lines used.
     */
    private static Set<Double> partHeaders(Map<Double, List<PdfWord>> textLines, List<Row> rows, List<Column> columns, double labelLimit,
            List<Out> out) {
        List<List<Double>> runs = new ArrayList<>();
        List<Double> run = new ArrayList<>();
        for (Double y : textLines.keySet()) {
            boolean item = Cells.squash(textLines.get(y).stream().map(PdfWord::text).reduce("", String::concat)).startsWith("第二十条");
            boolean rowBetween = !run.isEmpty() && rows.stream().anyMatch(r -> r.y > run.get(run.size() - 1) && r.y < y);
            if ((item || rowBetween) && !run.isEmpty()) {
                runs.add(new ArrayList<>(run));
                run.clear();
            }
            if (!item) {
                run.add(y);
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        Set<Double> used = new java.util.HashSet<>();
        for (int i = 0; i < runs.size(); i++) {
            List<Double> r = runs.get(i);
            double from = r.get(r.size() - 1);
            double to = i + 1 < runs.size() ? runs.get(i + 1).get(0) : Double.MAX_VALUE;
            Set<Integer> partColumns = new java.util.TreeSet<>();
            rows.stream().filter(row -> row.y > from && row.y < to).forEach(row -> partColumns.addAll(row.values.keySet()));
            if (r.size() < 2 || partColumns.isEmpty()) {
                continue;
            }
            List<PdfWord> words = new ArrayList<>();
            r.forEach(y -> words.addAll(textLines.get(y)));
            List<List<String>> header = header(words, partColumns.stream().map(columns::get).toList(), labelLimit);
            for (int k = 0; k < header.size(); k++) {
                out.add(new Out(r.get(0) + k * 0.001, null, header.get(k), true));
            }
            used.addAll(r);
        }
        return used;
    }

    private static List<List<String>> header(List<PdfWord> words, List<Column> columns, double labelLimit) {
        words.sort(Comparator.comparingDouble(PdfWord::y).thenComparingDouble(PdfWord::x1));
        // A word over the numbers of two columns or more is a merged header ("法人或其他组织"), and so is every word
        // printed above one ("申请人情况"): column headers are the lowest header lines.
        double spanningUntil = Double.NEGATIVE_INFINITY;
        for (PdfWord w : words) {
            if (w.x2() > labelLimit + w.size() * 0.3 && overlapped(w, columns) >= 2) {
                spanningUntil = Math.max(spanningUntil, w.y());
            }
        }
        StringBuilder label = new StringBuilder();
        List<StringBuilder> cells = new ArrayList<>();
        columns.forEach(c -> cells.add(new StringBuilder()));
        Map<Double, List<PdfWord>> spanning = new TreeMap<>();
        for (PdfWord w : words) {
            if (w.x2() <= labelLimit + w.size() * 0.3) {
                label.append(w.text());
            } else if (overlapped(w, columns) >= 2 || w.y() < spanningUntil - w.size() * 0.3) {
                spanning.computeIfAbsent(w.y(), k -> new ArrayList<>()).add(w);
            } else {
                cells.get(column(columns, w)).append(Cells.squash(w.text()));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<PdfWord> line : spanning.values()) {
            line.sort(Comparator.comparingDouble(PdfWord::x1));
            rows.add(textCells(line));
        }
        List<String> header = new ArrayList<>();
        header.add(label.toString());
        cells.forEach(b -> header.add(b.toString()));
        rows.add(header);
        return rows;
    }

    private static int overlapped(PdfWord w, List<Column> columns) {
        int n = 0;
        for (Column c : columns) {
            if (w.x1() < c.x2() && w.x2() > c.x1()) {
                n++;
            }
        }
        return n;
    }

    /** Value columns: the x-ranges of the numbers, merged where they overlap. */
    private static List<Column> columns(List<PdfWord> values) {
        List<PdfWord> byX = new ArrayList<>(values);
        byX.sort(Comparator.comparingDouble(PdfWord::x1));
        List<Column> columns = new ArrayList<>();
        double x1 = byX.get(0).x1();
        double x2 = byX.get(0).x2();
        for (PdfWord w : byX.subList(1, byX.size())) {
            if (w.x1() <= x2 + w.size() * 0.25) {
                x2 = Math.max(x2, w.x2());
            } else {
                columns.add(new Column(x1, x2));
                x1 = w.x1();
                x2 = w.x2();
            }
        }
        columns.add(new Column(x1, x2));
        return columns;
    }

    private static int column(List<Column> columns, PdfWord w) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double d = w.x2() < c.x1() ? c.x1() - w.x2() : w.x1() > c.x2() ? w.x1() - c.x2() : -overlap(w, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static double overlap(PdfWord w, Column c) {
        return Math.min(w.x2(), c.x2()) - Math.max(w.x1(), c.x1());
    }

    /**
     * Numbers on one baseline are one row. Counts the rows where two numbers fell into one column: numbers not
     * printed in columns (each row's numbers right after its label).
     */
    private static List<Row> rows(List<PdfWord> values, List<Column> columns, int[] collisions) {
        List<PdfWord> byY = new ArrayList<>(values);
        byY.sort(Comparator.comparingDouble(PdfWord::y).thenComparingDouble(PdfWord::x1));
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < byY.size()) {
            PdfWord first = byY.get(i);
            int j = i;
            double size = 0;
            while (j < byY.size() && byY.get(j).y() - first.y() <= first.size() * 0.35) {
                size = Math.max(size, byY.get(j).size());
                j++;
            }
            Row r = new Row(first.y(), size);
            for (PdfWord w : byY.subList(i, j)) {
                if (r.values.merge(column(columns, w), Cells.squash(w.text()), String::concat).length() > Cells.squash(w.text()).length()) {
                    collisions[0]++;
                }
            }
            rows.add(r);
            i = j;
        }
        return rows;
    }

    /** Label columns: the left edges of the label lines, clustered. */
    private static void labelColumns(List<Piece> pieces) {
        List<Piece> byX = new ArrayList<>(pieces);
        byX.sort(Comparator.comparingDouble(p -> p.x1));
        int column = -1;
        double start = Double.NEGATIVE_INFINITY;
        for (Piece p : byX) {
            if (p.x1 - start > p.size * 1.2) {
                column++;
                start = p.x1;
            }
            p.column = column;
        }
    }

    /** The row's own label: the rightmost label line on its baseline, else the nearest within a line and a half. */
    private static void chooseLeaf(Row r, List<Piece> pieces) {
        Piece best = pick(r, pieces, 0.6);
        if (best == null) {
            best = pick(r, pieces, 1.5);
        }
        if (best != null) {
            best.used = true;
            best.owner = r;
            r.leaf.add(best);
        }
    }

    private static Piece pick(Row r, List<Piece> pieces, double within) {
        Piece best = null;
        for (Piece p : pieces) {
            double d = Math.abs(p.y - r.y);
            if (!p.free() || d > Math.max(p.size, r.size) * within) {
                continue;
            }
            if (best == null || p.column > best.column || p.column == best.column && d < Math.abs(best.y - r.y)) {
                best = p;
            }
        }
        return best;
    }

    /** Joins the lines of the leaf's cell: below it (not onto a numbered line) and, for an unnumbered first line, above it. */
    private static void extend(Row r, int index, List<Row> rows, List<Piece> pieces, List<PdfRule> rules) {
        Row next = index + 1 < rows.size() ? rows.get(index + 1) : null;
        Row previous = index > 0 ? rows.get(index - 1) : null;
        Piece last = r.leaf.get(0);
        while (true) {
            Piece below = neighbour(last, pieces, rules, true);
            if (below == null || below.numbered() || next != null && below.y >= next.y - next.size * 0.6) {
                break;
            }
            if (next != null && !next.leaf.isEmpty() && !next.leaf.get(0).numbered() && Math.abs(below.y - next.y) < Math.abs(below.y - r.y)) {
                break;
            }
            claim(r, below);
            last = below;
        }
        // Upwards up to the numbered first line (numbers printed at the foot or the middle of their label): the lines
        // of the row above were claimed already, as they follow its own label downwards.
        Piece first = r.leaf.get(0);
        while (!first.numbered()) {
            Piece above = neighbour(first, pieces, rules, false);
            if (above == null || previous != null && above.y <= previous.y + previous.size * 0.6) {
                break;
            }
            claim(r, above);
            first = above;
        }
    }

    private static void claim(Row r, Piece p) {
        p.used = true;
        p.owner = r;
        r.leaf.add(p);
    }

    /** The free line of the same label column right below (or above) {@code p}, if it can be part of the same cell. */
    private static Piece neighbour(Piece p, List<Piece> pieces, List<PdfRule> rules, boolean below) {
        Piece best = null;
        for (Piece q : pieces) {
            if (!q.free() || q == p || q.column != p.column || (below ? q.y <= p.y : q.y >= p.y)) {
                continue;
            }
            if (best == null || (below ? q.y < best.y : q.y > best.y)) {
                best = q;
            }
        }
        // A merged cell cut by a page break prints the rest of its centred text lower down on the next page.
        double lines = best != null && best.page != p.page ? CELL_LINE_GAP * 4 : CELL_LINE_GAP;
        if (best == null || Math.abs(best.y - p.y) > Math.max(best.size, p.size) * lines) {
            return null;
        }
        Piece upper = below ? p : best;
        Piece lower = below ? best : p;
        return ruled(upper, lower, rules) ? null : best;
    }

    /** Whether a drawn border runs between two lines of the same column. */
    private static boolean ruled(Piece upper, Piece lower, List<PdfRule> rules) {
        double left = Math.max(upper.x1, lower.x1) + 0.5;
        double right = Math.max(left, Math.min(upper.x2, lower.x2) - 0.5);
        for (PdfRule rule : rules) {
            if (rule.y() > upper.y && rule.y() < lower.y - lower.size * 0.6 && rule.crosses(left, right)) {
                return true;
            }
        }
        return false;
    }

    /** Numbered labels alone between rows, in the column of their neighbours' labels: rows with every value blank. */
    private static void blankRows(List<Row> rows, List<Piece> pieces, List<PdfRule> rules, double headerEnd) {
        double lastY = rows.get(rows.size() - 1).y;
        double pitch = rows.size() > 1 ? (lastY - rows.get(0).y) / (rows.size() - 1) : rows.get(0).size * 3;
        for (Piece p : new ArrayList<>(pieces)) {
            if (!p.free() || p.y < headerEnd || p.y > lastY + pitch * 2 || !p.numbered() || Cells.squash(p.text).startsWith("第")) {
                continue;
            }
            Row above = null;
            Row below = null;
            for (Row r : rows) {
                if (r.y < p.y) {
                    above = r;
                } else if (below == null) {
                    below = r;
                }
            }
            int neighbours = Math.min(above == null ? Integer.MAX_VALUE : above.leafColumn(), below == null ? Integer.MAX_VALUE : below.leafColumn());
            if (p.column < neighbours) {
                continue;
            }
            Row blank = new Row(p.y, p.size);
            claim(blank, p);
            List<Row> sorted = new ArrayList<>(rows);
            sorted.add(blank);
            sorted.sort(Comparator.comparingDouble(r -> r.y));
            extend(blank, sorted.indexOf(blank), sorted, pieces, rules);
            boolean coversRow = false;
            for (Row r : rows) {
                if (r.y >= blank.top() && r.y <= blank.leaf.stream().mapToDouble(q -> q.y).max().orElse(p.y) + p.size * 0.3) {
                    coversRow = true;
                }
            }
            if (coversRow) {
                // Spans rows that have numbers: a merged parent cell, not a blank row.
                for (Piece q : blank.leaf) {
                    q.used = false;
                    q.owner = null;
                }
                continue;
            }
            rows.clear();
            rows.addAll(sorted);
        }
    }

    /** Joins the remaining label lines into merged cells and gives each to the first of the rows it spans. */
    private static void parents(List<Row> rows, List<Piece> pieces, List<PdfRule> rules, double headerEnd) {
        List<List<Piece>> blocks = new ArrayList<>();
        for (Piece p : pieces) {
            if (!p.free() || p.y < headerEnd) {
                continue;
            }
            List<Piece> block = new ArrayList<>(List.of(p));
            p.used = true;
            Piece last = p;
            Piece below;
            while ((below = neighbour(last, pieces, rules, true)) != null && !below.numbered() && below.y >= headerEnd) {
                below.used = true;
                block.add(below);
                last = below;
            }
            blocks.add(block);
        }
        for (List<Piece> block : blocks) {
            int column = block.get(0).column;
            double top = block.get(0).y - block.get(0).size;
            double bottom = block.get(block.size() - 1).y + block.get(0).size * 0.6;
            List<Integer> anchors = new ArrayList<>();
            int nearest = -1;
            double nearestDistance = Double.MAX_VALUE;
            double centre = (top + bottom) / 2;
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                if (r.leafColumn() <= column || r.spannedBy.contains(column)) {
                    continue;
                }
                if (r.y >= top && r.y <= bottom) {
                    anchors.add(i);
                }
                if (Math.abs(r.y - centre) < nearestDistance) {
                    nearestDistance = Math.abs(r.y - centre);
                    nearest = i;
                }
            }
            if (anchors.isEmpty() && nearest >= 0 && nearestDistance <= (bottom - top) / 2 + block.get(0).size * 4) {
                anchors.add(nearest);
            }
            if (anchors.isEmpty()) {
                for (Piece p : block) {
                    p.used = false;
                }
                continue;
            }
            int from = anchors.get(0);
            int to = anchors.get(anchors.size() - 1);
            while (from > 0 && spans(rows.get(from - 1), rows.get(from), column, true)) {
                from--;
            }
            while (to < rows.size() - 1 && spans(rows.get(to + 1), rows.get(to), column, false)) {
                to++;
            }
            StringBuilder text = new StringBuilder();
            block.forEach(p -> text.append(p.text));
            rows.get(from).parents.merge(column, text.toString(), String::concat);
            for (int i = from; i <= to; i++) {
                rows.get(i).spannedBy.add(column);
            }
        }
    }

    /**
     * Whether the merged cell of {@code column} spanning {@code inside} also spans its neighbour {@code candidate}: the
     * neighbour's label stands right of the column, no other merged cell of the column holds it, and the numbering of
     * the labels does not restart between them ("8." then "1." opens the next group).
     */
    private static boolean spans(Row candidate, Row inside, int column, boolean upwards) {
        if (candidate.leafColumn() <= column || candidate.spannedBy.contains(column)) {
            return false;
        }
        Row lower = upwards ? inside : candidate;
        Row upper = upwards ? candidate : inside;
        return !(lower.leafColumn() == upper.leafColumn() && opensNumbering(lower.leafText()));
    }

    private static boolean opensNumbering(String label) {
        String s = Cells.halfWidth(Cells.squash(label));
        return s.startsWith("1.") || s.startsWith("1、") || s.startsWith("1，") || s.startsWith("1,") || s.startsWith("1．")
                || s.startsWith("（1）") || s.startsWith("(1)") || s.startsWith("（一）") || s.startsWith("一、");
    }

    /**
     * The output rows. Value rows get their label cells (one per label column up to their own, blank where merged from
     * above) and one cell per value column of their part of the table: a header line with words over the value columns
     * starts a new part (section 2 prints one small table per item, each with its own columns).
     */
    private static List<List<String>> assemble(List<Out> out, List<Row> rows) {
        List<List<String>> result = new ArrayList<>();
        int i = 0;
        while (i < out.size()) {
            int j = i;
            Set<Integer> used = new java.util.TreeSet<>();
            while (j < out.size()) {
                Out o = out.get(j);
                if (o.row() == null && j > i && startsPart(o, rows) && !used.isEmpty()) {
                    break;
                }
                if (o.row() != null) {
                    used.addAll(o.row().values.keySet());
                }
                j++;
            }
            for (Out o : out.subList(i, j)) {
                if (o.row() == null) {
                    result.add(o.text());
                    continue;
                }
                Row r = o.row();
                List<String> cells = new ArrayList<>();
                int labelColumns = Math.max(r.leafColumn(), r.parents.isEmpty() ? -1 : r.parents.lastKey()) + 1;
                for (int c = 0; c < labelColumns; c++) {
                    cells.add(c == r.leafColumn() ? r.leafText() : r.parents.getOrDefault(c, ""));
                }
                for (int c : used) {
                    cells.add(r.values.getOrDefault(c, ""));
                }
                result.add(cells);
            }
            i = j;
        }
        return result;
    }

    private static boolean startsPart(Out o, List<Row> rows) {
        for (Row r : rows) {
            if (Math.abs(r.y - o.y()) <= r.size * 0.35) {
                return false;
            }
        }
        return o.overValues();
    }

    private static boolean overValues(List<PdfWord> words, double labelLimit) {
        for (PdfWord w : words) {
            if (w.x1() >= labelLimit - w.size() * 0.5) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers not in columns: each line is a row as printed, one cell per word (label words apart by more than a
     * character's gap are separate cells, as the columns of a printed table part them).
     */
    private static List<List<String>> lineRows(List<PdfLine> lines) {
        List<List<String>> out = new ArrayList<>();
        for (PdfLine l : lines) {
            out.add(l.words().stream().map(PdfWord::text).toList());
        }
        return out;
    }

    /** A line without numbers as cells: words more than a character apart are separate cells. */
    private static List<String> textCells(List<PdfWord> words) {
        List<String> cells = new ArrayList<>();
        PdfWord previous = null;
        for (PdfWord w : words) {
            if (previous != null && w.x1() - previous.x2() <= Math.min(w.size(), previous.size()) && !w.bordered()) {
                cells.set(cells.size() - 1, cells.get(cells.size() - 1) + w.text());
            } else {
                cells.add(w.text());
            }
            previous = w;
        }
        return cells;
    }
}
