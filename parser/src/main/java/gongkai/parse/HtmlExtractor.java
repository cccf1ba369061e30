package gongkai.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads HTML pages as government sites publish them: paragraphs, and tables laid out with rowspan/colspan.
 * Spans are resolved on a grid and written the way the .docx extraction writes them: a cell spanning columns
 * appears once, a cell spanning rows leaves a blank cell in the rows below, so one interpreter reads both.
 */
final class HtmlExtractor {
    private HtmlExtractor() {
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "section", "article", "header", "footer", "blockquote", "pre", "center", "dd", "dt", "dl", "title", "tr", "caption");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "head", "template", "iframe", "object", "svg");
    private static final int MAX_SPAN = 200;
    private static final int MAX_SLOTS = 1_000_000;

    static ExtractedDocument extract(String html) {
        Document doc = Jsoup.parse(html);
        DocumentBuilder out = new DocumentBuilder(DocumentType.HTML);
        StringBuilder para = new StringBuilder();
        Element title = doc.head() == null ? null : doc.head().selectFirst("title");
        walk(doc.body() != null ? doc.body() : doc, out, para);
        flush(out, para);
        if (title != null && out.build().blocks().isEmpty()) {
            out.paragraph(title.text());
        }
        return out.build();
    }

    private static void walk(Node node, DocumentBuilder out, StringBuilder para) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                para.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (SKIP.contains(tag)) {
                    continue;
                }
                if (tag.equals("br")) {
                    flush(out, para);
                } else if (tag.equals("table")) {
                    flush(out, para);
                    out.table(grid(e));
                } else if (BLOCKS.contains(tag)) {
                    flush(out, para);
                    walk(e, out, para);
                    flush(out, para);
                } else {
                    walk(e, out, para);
                }
            }
        }
    }

    private static void flush(DocumentBuilder out, StringBuilder para) {
        if (para.length() > 0) {
            out.paragraph(para.toString());
            para.setLength(0);
        }
    }

    /** The rows of this table only (not of tables nested in its cells). */
    private static List<Element> rowsOf(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            String tag = child.normalName();
            if (tag.equals("tr")) {
                rows.add(child);
            } else if (tag.equals("tbody") || tag.equals("thead") || tag.equals("tfoot")) {
                for (Element tr : child.children()) {
                    if (tr.normalName().equals("tr")) {
                        rows.add(tr);
                    }
                }
            }
        }
        return rows;
    }

    private record Slot(int originRow, int originCol, String text) {
    }

    static List<List<String>> grid(Element table) {
        List<Element> trs = rowsOf(table);
        Map<Long, Slot> occupied = new HashMap<>();
        int[] widths = new int[trs.size()];
        for (int r = 0; r < trs.size(); r++) {
            ParseBudget.check("HTML table row " + (r + 1));
            int c = 0;
            for (Element td : trs.get(r).children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                while (occupied.containsKey(key(r, c))) {
                    c++;
                }
                int rs = span(td.attr("rowspan"), trs.size() - r);
                int cs = span(td.attr("colspan"), MAX_SPAN);
                Slot slot = new Slot(r, c, cellText(td));
                for (int dr = 0; dr < rs; dr++) {
                    for (int dc = 0; dc < cs; dc++) {
                        occupied.put(key(r + dr, c + dc), slot);
                    }
                    widths[r + dr] = Math.max(widths[r + dr], c + cs);
                }
                if (occupied.size() > MAX_SLOTS) {
                    throw new IllegalStateException("table spans more than " + MAX_SLOTS + " cells");
                }
                c += cs;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < trs.size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < widths[r]; c++) {
                Slot s = occupied.get(key(r, c));
                if (s == null) {
                    row.add("");
                } else if (s.originCol() == c) {
                    row.add(s.originRow() == r ? s.text() : "");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static long key(int r, int c) {
        return ((long) r << 32) | (c & 0xFFFFFFFFL);
    }

    private static int span(String attr, int max) {
        try {
            int v = Integer.parseInt(attr.trim());
            return Math.max(1, Math.min(v, Math.max(1, max)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Cell text with line breaks between its paragraphs, like the .docx extraction. */
    private static String cellText(Element td) {
        StringBuilder b = new StringBuilder();
        appendCell(td, b);
        return b.toString().strip();
    }

    private static void appendCell(Node node, StringBuilder b) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                b.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
            } else if (child instanceof Element e && !SKIP.contains(e.normalName())) {
                boolean block = e.normalName().equals("br") || BLOCKS.contains(e.normalName());
                if (block && b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                    b.append('\n');
                }
                appendCell(e, b);
            }
        }
    }
}
