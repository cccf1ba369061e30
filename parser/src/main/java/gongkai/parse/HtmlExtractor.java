package gongkai.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads HTML pages as government sites publish them: the report inside a site page with navigation, search,
 * breadcrumbs, scripts and footer. Only the main content block is read (the innermost element that still holds every
 * section heading the page has, else the usual content containers of Chinese government CMSs), and the page's
 * standard meta tags are kept in {@link PageMeta} for the title, publication date and source.
 *
 * <p>Tables laid out with rowspan/colspan are resolved on a grid and written the way the .docx extraction writes
 * them: a cell spanning columns appears once, a cell spanning rows leaves a blank cell in the rows below, so one
 * interpreter reads both. A table that only lays out the page (it holds other tables, or long text) is read as the
 * blocks of its cells, never as a data table.
 */
final class HtmlExtractor {
    private HtmlExtractor() {
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "section", "article", "header", "footer", "blockquote", "pre", "center", "dd", "dt", "dl", "title", "tr", "caption",
            "td", "th", "tbody", "table", "main", "aside", "nav", "form");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "head", "template", "iframe", "object", "svg",
            "form", "input", "button", "select", "textarea", "nav", "link", "meta");
    /** Classes and ids of the page furniture around a report: menus, breadcrumbs, search, sharing, footers. */
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i).*(breadcrumb|crumb|\\bnav|menu|search|share|footer|foot\\b|header|toolbar|qrcode|ewm|print|position|location|"
                    + "sidebar|friendlink|links_con|relnews|related|copyright|bottom|login).*");
    /** Containers of the article body in the CMSs Chinese government sites run on (TRS, Hanweb, Ucap, ...). */
    private static final String CMS_CONTENT = "#zoom, .TRS_Editor, .Custom_UnionStyle, #UCAP-CONTENT, .view.TRS_UEDITOR, "
            + ".article-content, .article_content, #article, .article, #content, .content, .pages_content, .main-txt, article";
    /** Words that only the six section headings carry; a page's block holding all of them holds the report. */
    private static final String[] HEADING_WORDS = {"总体情况", "主动公开政府信息", "收到和处理政府信息公开申请",
        "行政诉讼情况", "存在的主要问题", "其他需要报告的事项"};
    private static final int MAX_SPAN = 200;
    private static final int MAX_SLOTS = 1_000_000;
    /** A cell this long is a page region, not a figure or a row label. */
    private static final int LAYOUT_CELL_CHARS = 400;

    static ExtractedDocument extract(String html) throws ReportRejectedException {
        Document doc = Jsoup.parse(html);
        Element root = doc.body() != null ? doc.body() : doc;
        TextIndex index = new TextIndex(root);
        Element main = mainBlock(doc, root, index);
        DocumentBuilder out = new DocumentBuilder(DocumentType.HTML);
        StringBuilder para = new StringBuilder();
        walk(main, out, para, main == root ? index : null);
        flush(out, para);
        PageMeta meta = meta(doc);
        ExtractedDocument extracted = out.build();
        if (extracted.blocks().isEmpty() && meta.htmlTitle() != null) {
            out.paragraph(meta.htmlTitle());
            extracted = out.build();
        }
        return extracted.withMeta(meta);
    }

    static PageMeta meta(Document doc) {
        Element h1 = doc.selectFirst("h1");
        Element title = doc.selectFirst("title");
        String pubDate = metaContent(doc, "PubDate");
        if (pubDate == null) {
            // Sites not built to the guidelines' names: the CMS's own publish-date tags.
            pubDate = metaContent(doc, "publishdate") != null ? metaContent(doc, "publishdate") : metaContent(doc, "firstpublishedtime");
        }
        return new PageMeta(metaContent(doc, "ArticleTitle"), pubDate, metaContent(doc, "ContentSource"),
                metaContent(doc, "SiteName"), metaContent(doc, "Url"), metaContent(doc, "ColumnName"),
                title == null ? null : nonBlank(title.text()), h1 == null ? null : nonBlank(h1.text()));
    }

    private static String metaContent(Document doc, String name) {
        Element m = doc.selectFirst("meta[name=" + name + "]");
        return m == null ? null : nonBlank(m.attr("content"));
    }

    private static String nonBlank(String s) {
        String t = Cells.trim(s);
        return t.isEmpty() ? null : t;
    }

    /**
     * The element holding the report: going down from the body, the child that still holds every section heading the
     * whole page holds, as long as there is one. A page whose text has fewer than two headings (not a report, or a
     * layout nobody foresaw) falls back to the usual CMS content containers, then to the whole body.
     */
    static Element mainBlock(Document doc, Element root, TextIndex index) throws ReportRejectedException {
        int mask = index.headingMask(root);
        if (Integer.bitCount(mask) >= 2) {
            Element block = root;
            descend:
            while (true) {
                ParseBudget.checkpoint("finding the page's content block");
                for (Element child : block.children()) {
                    if (!SKIP.contains(child.normalName()) && index.headingMask(child) == mask) {
                        block = child;
                        continue descend;
                    }
                }
                return block;
            }
        }
        // Most specific container first: a page's ".content" often wraps breadcrumbs and sidebars around its "#zoom".
        for (String selector : CMS_CONTENT.split(",\\s*")) {
            for (Element candidate : doc.select(selector)) {
                if (Cells.hanCount(candidate.text(), 50) >= 50) {
                    return candidate;
                }
            }
        }
        return root;
    }

    /**
     * The page's text without spaces, with where each element's text starts and ends in it, and where the heading
     * words stand: which headings an element holds is then a lookup, not a walk of its subtree at every level.
     */
    static final class TextIndex {
        private final StringBuilder text = new StringBuilder();
        private final Map<Node, int[]> ranges = new IdentityHashMap<>();
        private final List<List<Integer>> headings = new ArrayList<>();

        TextIndex(Element root) {
            NodeTraversor.traverse(new NodeVisitor() {
                @Override
                public void head(Node node, int depth) {
                    if (node instanceof TextNode t) {
                        text.append(Cells.squash(t.getWholeText()));
                    } else if (node instanceof Element) {
                        ranges.put(node, new int[] {text.length(), text.length()});
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    if (node instanceof Element) {
                        ranges.get(node)[1] = text.length();
                    }
                }
            }, root);
            for (String word : HEADING_WORDS) {
                List<Integer> at = new ArrayList<>();
                for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
                    at.add(i);
                }
                headings.add(at);
            }
        }

        /** Bit i set when the element's text holds HEADING_WORDS[i]. */
        int headingMask(Element e) {
            int[] r = ranges.get(e);
            if (r == null) {
                return 0;
            }
            int mask = 0;
            for (int i = 0; i < HEADING_WORDS.length; i++) {
                for (int at : headings.get(i)) {
                    if (at >= r[0] && at + HEADING_WORDS[i].length() <= r[1]) {
                        mask |= 1 << i;
                        break;
                    }
                }
            }
            return mask;
        }
    }

    /** @param index the page's text index when page furniture is to be dropped (the whole body is read), else null */
    private static void walk(Node node, DocumentBuilder out, StringBuilder para, TextIndex index) throws ReportRejectedException {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                para.append(t.getWholeText().replace('\n', ' ').replace('\r', ' '));
            } else if (child instanceof Element e) {
                String tag = e.normalName();
                if (SKIP.contains(tag) || index != null && isFurniture(e, index)) {
                    continue;
                }
                if (tag.equals("br")) {
                    flush(out, para);
                } else if (tag.equals("table") && !isLayoutTable(e)) {
                    ParseBudget.checkpoint("table at line " + out.line());
                    flush(out, para);
                    out.table(grid(e));
                } else if (BLOCKS.contains(tag)) {
                    flush(out, para);
                    walk(e, out, para, index);
                    flush(out, para);
                } else {
                    walk(e, out, para, index);
                }
            }
        }
    }

    /** Navigation, search, footer and the like; never an element that holds a section heading. */
    private static boolean isFurniture(Element e, TextIndex index) {
        String tag = e.normalName();
        String marks = e.className() + " " + e.id() + " " + e.attr("role");
        boolean furniture = tag.equals("header") || tag.equals("footer") || tag.equals("aside")
                || !marks.isBlank() && FURNITURE.matcher(marks).matches();
        return furniture && index.headingMask(e) == 0;
    }

    /** A table that lays out the page: it holds other tables, or a cell of page-region length. */
    static boolean isLayoutTable(Element table) {
        if (table.select("table").size() > 1) {
            return true;
        }
        for (Element row : rowsOf(table)) {
            for (Element cell : row.children()) {
                if (cell.text().length() > LAYOUT_CELL_CHARS) {
                    return true;
                }
            }
        }
        return false;
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

    /**
     * Cell text with line breaks between its paragraphs, like the .docx extraction: "商业" and "企业" in two
     * {@code <p>} read "商业\n企业", spans inside one paragraph run together ("1" "3" is 13).
     */
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
