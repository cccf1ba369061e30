package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportSubmission;
import gongkai.parse.ReportParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The web-page and PDF renderings of generated reports, read by the real parser, give the figures of the text they were
 * rendered from: so a defect injected into the numbers is in the PDF and the page too, and the bench's expected alerts
 * hold for a mixed history.
 */
class FormatsTest {
    private static final ReportParser PARSER = new ReportParser();

    private static History history(FormatMix mix) {
        // Defects in half the reports, both templates (2020: 2019 format; 2021-2023: 2021 format).
        return History.generate(History.Settings.of(8, 4, 0.5, 5).withFormats(mix));
    }

    /** What the rules read: the tables, the sections found, the narrative counts. */
    private static String figures(DisclosureReport r) {
        return r.getAgency() + " " + r.getYear() + " " + r.getTemplate()
                + "\nsections " + r.getSections().stream().map(s -> Integer.toString(s.getNumber())).collect(Collectors.joining(","))
                + "\nrequests " + r.getRequestTable().stream().map(row -> row.getCode() + "=" + row.getCells()).collect(Collectors.joining(" "))
                + "\nreview " + r.getReview().stream().map(g -> g.getGroup() + ":" + g.getUpheld() + "/" + g.getCorrected() + "/" + g.getOther()
                + "/" + g.getPending() + "/" + g.getTotal()).collect(Collectors.joining(" "))
                + "\nactive " + r.getActiveDisclosure().stream().map(a -> a.getName() + a.getCells().stream().map(c -> String.valueOf(c.getValue()))
                .toList()).collect(Collectors.joining(" "))
                + "\nfee " + (r.getFeeStatement() != null) + " problems " + (r.getProblemsStatement() != null);
    }

    @ParameterizedTest
    @EnumSource(value = FormatMix.Format.class, names = {"HTML", "PDF"})
    void aRenderedReportReadsAsTheTextItWasRenderedFrom(FormatMix.Format format) throws Exception {
        assumeTrue(format != FormatMix.Format.PDF || PdfFont.available(), "no Chinese font installed (fonts-droid-fallback)");
        History text = history(FormatMix.TEXT_ONLY);
        History rendered = history(new FormatMix(Map.of(format, 1)));
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (History.Event e : text.events()) {
            if (e.kind() == History.Kind.GARBAGE) {
                continue;
            }
            ReportSubmission s = rendered.submission(e);
            assertEquals(format.contentType, s.getContentType());
            String want = figures(PARSER.parse(text.submission(e)));
            String got = figures(PARSER.parse(s));
            if (!want.equals(got)) {
                differences.add(e + "\n  text: " + want.replace("\n", "\n        ") + "\n  " + format + ": " + got.replace("\n", "\n        "));
            }
            compared++;
        }
        assertTrue(compared > 30, "compared " + compared);
        assertEquals(List.of(), differences);
    }

    @Test
    void aMixHasEveryFormatInRoughlyItsShareAndTheSameReportAlwaysTheSameBytes() {
        assumeTrue(PdfFont.available(), "no Chinese font installed (fonts-droid-fallback)");
        History h = History.generate(History.Settings.of(200, 4, 0.05, 42).withFormats(FormatMix.parse("pdf=60,html=25,text=15")));
        Map<FormatMix.Format, Integer> counts = new EnumMap<>(FormatMix.Format.class);
        h.events().stream().filter(e -> e.kind() == History.Kind.ORIGINAL).forEach(e -> counts.merge(h.format(e), 1, Integer::sum));
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(0.60, counts.get(FormatMix.Format.PDF) / (double) n, 0.06, counts.toString());
        assertEquals(0.25, counts.get(FormatMix.Format.HTML) / (double) n, 0.06, counts.toString());
        assertEquals(0.15, counts.get(FormatMix.Format.TEXT) / (double) n, 0.06, counts.toString());
        History.Event dup = h.events().stream().filter(e -> e.kind() == History.Kind.DUPLICATE).findFirst().orElseThrow();
        History.Event original = h.events().stream().filter(e -> e.kind() == History.Kind.ORIGINAL && e.agency() == dup.agency()
                && e.year() == dup.year()).findFirst().orElseThrow();
        assertArrayEquals(h.submission(original).getContent().array(), h.submission(dup).getContent().array(),
                "an exact duplicate is the same bytes, in " + h.format(dup));
    }

    @Test
    void aBadMixIsRefusedSayingWhy() {
        assertEquals("unknown format 'docx' (text, html or pdf)",
                assertThrows(IllegalArgumentException.class, () -> FormatMix.parse("pdf=60,docx=40")).getMessage());
        assertEquals("format share 'pdf' is not format=weight (e.g. pdf=60,html=25,text=15)",
                assertThrows(IllegalArgumentException.class, () -> FormatMix.parse("pdf")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FormatMix.parse("pdf=0,text=0"));
    }
}
