package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportSubmission;

/**
 * A PDF is read by position first; when its tables defeat the positions, the text layer's lines are read as a row-per-
 * line text before the document is rejected, and the report says so. Tables that neither reading can read keep the
 * position reader's reason.
 */
class PdfFallbackTest {
    private static final ReportSubmission S = ReportSubmission.newBuilder().setSubmissionId("s").setContent(java.nio.ByteBuffer.allocate(0))
            .setSource("report.pdf").setSubmitter("t").setReceivedAt(Instant.EPOCH).setSha256("ab".repeat(32)).build();

    /** The sample with one cell of （七）总计 lost: what a misjudged column gives. */
    private static ExtractedDocument misread() {
        String text = Samples.text("fengtai-changxindian-2020");
        int row = text.indexOf("\t（七）总计");
        int cell = text.indexOf("\t0\n", row);
        return TextExtractor.extract(text.substring(0, cell) + text.substring(cell + 3));
    }

    @Test
    void tablesTheLinesCanReadAreReadFromTheLinesAndSaidSo() throws Exception {
        ExtractedDocument lines = TextExtractor.extract(TextLayoutsTest.rowPerLine("fengtai-changxindian-2020", false));
        DisclosureReport r = ReportParser.interpret(misread(), lines, S, "ab".repeat(32));
        DisclosureReport expected = new ReportParser().parse(Samples.bytes("fengtai-changxindian-2020"), "fengtai.txt");
        assertEquals(expected.getRequestTable(), r.getRequestTable());
        var note = r.getWarnings().stream().filter(w -> w.getCode().equals("PDF_READ_BY_LINE")).findFirst().orElseThrow();
        assertTrue(note.getMessage().contains("RESULT_TOTAL"), note.getMessage());
    }

    @Test
    void whenTheLinesCannotReadThemEitherThePositionReadersReasonStands() {
        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> ReportParser.interpret(misread(), TextExtractor.extract("no report here"), S, "ab".repeat(32)));
        assertEquals(RejectionReason.TABLE_UNREADABLE, e.reason());
        assertTrue(e.detail().contains("RESULT_TOTAL"), e.detail());
    }
}
