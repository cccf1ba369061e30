package gongkai.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gongkai.avro.AgencySource;
import gongkai.avro.ReportSubmission;

/**
 * Who published the report, under which title, and when: the parts of a report that do not come from its tables.
 *
 * <p>The title is the first title line of the document; a web page's own statement of it ({@code ArticleTitle},
 * {@code <h1>}, {@code <title>}) is preferred, since the text of a page holds navigation that could pass for one.
 * The agency comes from, in order: the submission's agency hint (a crawler seed list, {@code submit --agency}: the
 * submitter knows whose page it crawled), the title, the page's {@code ContentSource}, the body ("我镇/我区…").
 * The publication date is the submission's, else the page's {@code PubDate}.
 */
record ReportHeader(String title, String agency, AgencySource agencySource, String publishedAt) {
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})|^\\s*(\\d{4})(\\d{2})(\\d{2})\\b");

    static ReportHeader read(ExtractedDocument doc, List<Block> preamble, ReportSubmission s, Warnings warnings)
            throws ReportRejectedException {
        PageMeta meta = doc.meta();
        TitleReader.Title title = TitleReader.fromPage(meta);
        if (title.text().isEmpty()) {
            title = TitleReader.read(preamble);
        }
        String hint = s.getAgencyHint() == null ? "" : Cells.trim(s.getAgencyHint());
        String agency;
        AgencySource agencySource;
        if (!hint.isEmpty()) {
            agency = hint;
            agencySource = title.agency() != null && sameName(title.agency(), hint) ? AgencySource.TITLE : AgencySource.METADATA;
            if (title.agency() != null && agencySource != AgencySource.TITLE) {
                warnings.add(WarningCode.AGENCY_HINT_DIFFERS, 0, null, null, "the title names " + title.agency()
                        + " but the submission's agencyHint " + hint + " was used");
            }
        } else if (title.agency() != null) {
            agency = title.agency();
            agencySource = AgencySource.TITLE;
        } else {
            agency = fromPageSource(meta, doc.blocks());
            agencySource = AgencySource.METADATA;
            if (agency == null) {
                agency = AgencyFinder.fromBody(doc.blocks());
                agencySource = AgencySource.BODY;
            }
        }
        if (agency == null) {
            throw new ReportRejectedException(RejectionReason.NOT_A_REPORT, s.getSource(),
                    "no agency: the title" + (title.text().isEmpty() ? " (none found before the first section)" : " \"" + oneLine(title.text()) + "\"")
                            + " names none, the page has no ContentSource, the body names none it calls 我镇/我乡/我街道…, and the submission has no agencyHint");
        }
        if (agencySource != AgencySource.TITLE) {
            warnings.add(WarningCode.AGENCY_INFERRED, 0, null, null, "the title does not name the agency; " + agency + " was taken from the "
                    + switch (agencySource) {
                        case BODY -> "body text";
                        default -> hint.isEmpty() ? "page's ContentSource meta tag" : "submission metadata (agencyHint)";
                    });
        }
        String publishedAt = s.getPublishedAt() != null && !s.getPublishedAt().isBlank() ? s.getPublishedAt() : isoDate(meta.pubDate());
        return new ReportHeader(title.text(), agency, agencySource, publishedAt);
    }

    /** The same agency written with or without its higher-level prefixes ("朝阳区…" and "北京市朝阳区…"). */
    private static boolean sameName(String a, String b) {
        String x = Cells.squash(a);
        String y = Cells.squash(b);
        return x.endsWith(y) || y.endsWith(x);
    }

    /**
     * The page's ContentSource is the office that published the page, often the agency's office
     * ("平潭综合实验区管委会办公室" for 平潭综合实验区): when the body calls the agency by a short name that the source
     * contains ("实验区"), the agency is the source up to that name.
     */
    private static String fromPageSource(PageMeta meta, List<Block> blocks) {
        String source = meta.contentSource() == null ? null : Cells.squash(meta.contentSource());
        if (source == null || Cells.hanCount(source) < 2) {
            return null;
        }
        String fromBody = AgencyFinder.fromBody(blocks);
        if (fromBody != null) {
            int at = source.indexOf(fromBody);
            if (at >= 0) {
                return source.substring(0, at + fromBody.length());
            }
        }
        return TitleReader.agencyIn(source);
    }

    /** "2024-03-08 15:34", "2024/3/8", "2024年3月8日", "20240308" as yyyy-MM-dd; null when it is no date. */
    static String isoDate(String printed) {
        if (printed == null) {
            return null;
        }
        Matcher m = DATE.matcher(Cells.halfWidth(printed));
        if (!m.find()) {
            return null;
        }
        int g = m.group(1) != null ? 1 : 4;
        try {
            return LocalDate.of(Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1)), Integer.parseInt(m.group(g + 2))).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ');
    }
}
