package gongkai.parse;

/**
 * What a government web page says about the document it carries, outside the document's own text: the standard
 * meta tags of sites built to the national website guidelines ({@code ArticleTitle}, {@code PubDate},
 * {@code ContentSource}, {@code SiteName}, {@code Url}), the {@code <title>} and the {@code <h1>}. Every field is
 * null when the page does not carry it; documents that are not web pages carry {@link #NONE}.
 */
record PageMeta(String articleTitle, String pubDate, String contentSource, String siteName, String url,
                String columnName, String htmlTitle, String h1) {
    static final PageMeta NONE = new PageMeta(null, null, null, null, null, null, null, null);
}
