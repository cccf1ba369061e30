package gongkai.dashboard;

import org.owasp.encoder.Encode;

/**
 * The only ways a value gets into a page: as element text, as a quoted attribute value, or as a URL
 * query component. Report text, agency names, sources, messages and comments are untrusted; markup
 * comes from this module's code only. The encoding is OWASP's Java Encoder.
 */
final class Html {
    private Html() {
    }

    /** Element content. */
    static String text(Object value) {
        return value == null ? "" : Encode.forHtmlContent(value.toString());
    }

    /** A double-quoted attribute value. */
    static String attr(Object value) {
        return value == null ? "" : Encode.forHtmlAttribute(value.toString());
    }

    /** A query parameter value inside a double-quoted href. */
    static String q(Object value) {
        return value == null ? "" : Encode.forHtmlAttribute(Encode.forUriComponent(value.toString()));
    }

    /** Chinese first, English beside it. Both literals are this module's own text. */
    static String both(String zh, String en) {
        return zh + " <span class=\"en\">" + en + "</span>";
    }

    /** Where an alert is, in both languages, escaped. */
    static String place(gongkai.avro.AlertLocation location) {
        gongkai.report.Place place = gongkai.report.Place.of(location);
        return both(text(place.zh()), text(place.en()));
    }

    /**
     * A link to a source only if it is an http(s) URL: a {@code javascript:} or {@code data:} source from
     * a report would otherwise run when clicked. Other sources (file names) are shown as text.
     */
    static String sourceLink(String source) {
        if (source != null && (source.startsWith("https://") || source.startsWith("http://"))) {
            return "<a rel=\"noopener noreferrer\" href=\"" + attr(source) + "\">" + text(source) + "</a>";
        }
        return "<code>" + text(source) + "</code>";
    }
}
