package gongkai.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the HTML pages a crawl walks through: finds the links on a listing page that lead to annual
 * reports (政府信息公开工作年度报告), and the publication date a page shows.
 */
public final class ListingPage {
    /** Report titles vary (年度报告, 年报, 年度…工作报告, in any order); what they share is 信息公开/政务公开 and 报告/年报. */
    private static final Pattern DISCLOSURE = Pattern.compile("信息公开|政务公开");
    private static final Pattern REPORT = Pattern.compile("报告|年报");
    /** Circulars about writing the report and explainers of it match the title pattern but are not reports. */
    private static final Pattern NOT_A_REPORT = Pattern.compile("通知|指南|模板|解读|格式|意见|方案");
    /** A report names its year; a menu entry to the report column ("政府信息公开年报") does not. */
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern ATTACHMENT_OR_PAGE = Pattern.compile("\\.(docx?|pdf|s?html?)$");
    /** How far up from a link to look for its title or date: list item, table row, or a wrapper around them. */
    private static final int MAX_LEVELS_UP = 3;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([\\w.:-]+)");
    private static final Set<String> ROW_TAGS = Set.of("li", "tr", "dd", "dt", "p");

    /** Link texts of a pager's "next page" link. */
    private static final Set<String> NEXT_TEXTS = Set.of("下一页", "下页", "下一頁", "后一页", "下一页>", "下一页>>", "下一页 >", "next", "next >", "next page");
    /**
     * The pager many government CMSs (TRS WCM and its imitators) write with a script instead of links:
     * {@code createPageHTML(pageCount, currentIndex, "index", "html")}, sometimes with an element id
     * first and a record count last; pages are index.html, index_1.html, … index_{pageCount-1}.html.
     */
    private static final Pattern CREATE_PAGE_HTML = Pattern.compile("createPageHTML\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("^[\"'](.*)[\"']$");
    private static final Pattern PAGE_EXTENSION = Pattern.compile("(?i)s?html?|jhtml|jsp|php|aspx?");
    /** More pages than any listing of annual reports has: a pager claiming more is not believed. */
    private static final int MAX_SCRIPTED_PAGES = 500;

    private ListingPage() {
    }

    /**
     * The further pages of a listing this page links to, in page order, each once, on the same host
     * as the page: the "下一页" link (or rel="next"), and the pages of a createPageHTML pager.
     */
    public static List<URI> nextPages(Document doc) {
        URI pageUrl = httpUrl(doc.location()).orElse(null);
        if (pageUrl == null) {
            return List.of();
        }
        Set<URI> pages = new java.util.LinkedHashSet<>();
        for (Element a : doc.select("a[href], link[rel=next][href]")) {
            String text = a.text().strip().toLowerCase(Locale.ROOT);
            boolean next = a.attr("rel").equalsIgnoreCase("next") || NEXT_TEXTS.contains(text)
                    || NEXT_TEXTS.contains(a.attr("title").strip().toLowerCase(Locale.ROOT));
            if (next) {
                httpUrl(a.absUrl("href")).ifPresent(pages::add);
            }
        }
        for (Element script : doc.select("script")) {
            pages.addAll(scriptedPages(script.data(), pageUrl));
        }
        pages.removeIf(u -> u.equals(pageUrl) || !sameHost(u, pageUrl));
        return new ArrayList<>(pages);
    }

    /** The pages of every createPageHTML call in a script, numbers given literally or as {@code var name = 12}. */
    static List<URI> scriptedPages(String script, URI pageUrl) {
        List<URI> pages = new ArrayList<>();
        Matcher call = CREATE_PAGE_HTML.matcher(script);
        while (call.find()) {
            List<Long> numbers = new ArrayList<>();
            List<String> strings = new ArrayList<>();
            for (String arg : call.group(1).split(",")) {
                String a = arg.strip();
                Matcher q = QUOTED.matcher(a);
                if (q.matches()) {
                    strings.add(q.group(1));
                } else {
                    value(a, script).ifPresent(numbers::add);
                }
            }
            if (numbers.size() < 2 || strings.size() < 2) {
                continue;
            }
            String ext = strings.get(strings.size() - 1);
            String name = strings.get(strings.size() - 2);
            long count = numbers.get(0);
            if (!PAGE_EXTENSION.matcher(ext).matches() || !name.matches("[\\w-]+") || count < 1 || count > MAX_SCRIPTED_PAGES) {
                continue;
            }
            for (long i = 0; i < count; i++) {
                pages.add(pageUrl.resolve((i == 0 ? name : name + "_" + i) + "." + ext));
            }
        }
        return pages;
    }

    private static Optional<Long> value(String arg, String script) {
        if (arg.matches("\\d{1,6}")) {
            return Optional.of(Long.parseLong(arg));
        }
        if (arg.matches("[A-Za-z_$][\\w$]*")) {
            Matcher m = Pattern.compile("(?:var|let|const)?\\s*" + Pattern.quote(arg) + "\\s*=\\s*(\\d{1,6})\\b").matcher(script);
            if (m.find()) {
                return Optional.of(Long.parseLong(m.group(1)));
            }
        }
        return Optional.empty();
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    /**
     * Parses fetched HTML in the charset the server declares, else the one the page declares in a
     * meta tag (many government sites still serve GBK), else UTF-8.
     */
    public static Document parse(byte[] body, String contentType, URI url) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bytes already in memory", e);
        }
    }

    /** The report links on the page, each once, in page order; only http(s) links, resolved against the page's URL. */
    public static List<ReportLink> reportLinks(Document doc) {
        URI pageUrl = httpUrl(doc.location()).orElse(null);
        Map<URI, ReportLink> links = new LinkedHashMap<>();
        for (Element a : doc.select("a[href]")) {
            Optional<URI> url = httpUrl(a.absUrl("href"));
            if (url.isEmpty() || url.get().equals(pageUrl) || links.containsKey(url.get())) {
                continue;
            }
            String title = linkTitle(a);
            if (!isReportTitle(title)) {
                Optional<String> context = surroundingText(a);
                if (context.isEmpty() || !looksLikeDocument(url.get()) || !isReportTitle(context.get())) {
                    continue;
                }
                title = context.get();
            }
            links.put(url.get(), new ReportLink(url.get(), title, dateNear(a).orElse(null)));
        }
        return new ArrayList<>(links.values());
    }

    /** The publication date a report page shows: a PubDate meta tag or a 发布日期/发布时间 label. */
    public static Optional<String> publishedDate(Document doc) {
        for (Element meta : doc.select("meta[name][content]")) {
            String name = meta.attr("name").toLowerCase(Locale.ROOT);
            if (name.equals("pubdate") || name.equals("publishdate") || name.equals("publishtime") || name.equals("firstpublishedtime")) {
                Optional<String> d = PublishedDate.first(meta.attr("content"));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return PublishedDate.labelled(doc.text());
    }

    static boolean isReportTitle(String text) {
        return DISCLOSURE.matcher(text).find() && REPORT.matcher(text).find() && YEAR.matcher(text).find() && !NOT_A_REPORT.matcher(text).find();
    }

    private static String linkTitle(Element a) {
        String text = a.text().strip();
        String title = a.attr("title").strip();
        return title.length() > text.length() ? title : text;
    }

    /** The text of the link's row, when that says more than the link and is not the title of another report link in it. */
    private static Optional<String> surroundingText(Element a) {
        Element row = row(a);
        if (row == null) {
            return Optional.empty();
        }
        String text = row.text().strip();
        return text.length() > a.text().strip().length() ? Optional.of(text) : Optional.empty();
    }

    /** A date in the link text or in its row (a span beside it, another cell of the table row). */
    private static Optional<String> dateNear(Element a) {
        Optional<String> own = PublishedDate.first(a.text());
        if (own.isPresent()) {
            return own;
        }
        Element row = row(a);
        return row == null ? Optional.empty() : PublishedDate.first(row.text());
    }

    /**
     * The element that holds the link's entry in the listing: the nearest list item, table row or
     * paragraph, else the widest wrapper that links nowhere else; null when that element also holds
     * another report link (then its title and date may be the other one's).
     */
    private static Element row(Element a) {
        Element row = null;
        Element e = a.parent();
        for (int level = 0; e != null && level < MAX_LEVELS_UP && row == null; level++, e = e.parent()) {
            if (ROW_TAGS.contains(e.normalName())) {
                row = e;
            }
        }
        if (row == null) {
            e = a.parent();
            for (int level = 0; e != null && level < MAX_LEVELS_UP && linksOnlyTo(e, a.absUrl("href")); level++, e = e.parent()) {
                row = e;
            }
        }
        return row == null || holdsOtherReportLink(row, a) ? null : row;
    }

    private static boolean linksOnlyTo(Element container, String href) {
        return container.select("a[href]").stream().allMatch(other -> other.absUrl("href").equals(href));
    }

    private static boolean holdsOtherReportLink(Element container, Element a) {
        for (Element other : container.select("a[href]")) {
            if (other != a && !other.absUrl("href").equals(a.absUrl("href")) && isReportTitle(linkTitle(other))) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeDocument(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return ATTACHMENT_OR_PAGE.matcher(path).find();
    }

    private static Optional<URI> httpUrl(String absolute) {
        if (absolute.isEmpty()) {
            return Optional.empty();
        }
        try {
            int hash = absolute.indexOf('#');
            // ASCII form: the request line needs it, and the same document then always has the same source string
            URI uri = URI.create(new URI((hash < 0 ? absolute : absolute.substring(0, hash)).replace(" ", "%20")).toASCIIString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            // jsoup resolves but does not validate: a malformed href is simply not a link we can follow
            return Optional.empty();
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (m.find()) {
            try {
                return Charset.isSupported(m.group(1)) ? m.group(1) : null;
            } catch (IllegalCharsetNameException e) {
                return null;
            }
        }
        return null;
    }
}
