package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/**
 * A real PDF goes through PDFBox extraction, and an ASCII-only one comes back as a typed rejection. Chinese
 * PDFs laid out like printed reports are in {@link PdfLayoutTest}.
 */
class PdfTest {
    @Test
    void asciiOnlyPdfIsExtractedAndRejectedAsNotAReport() throws Exception {
        byte[] pdf;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Annual report 2020 of a village committee");
                cs.newLineAtOffset(0, -16);
                cs.showText("New requests 13 5 0 0 0 0 18");
                cs.endText();
            }
            doc.save(out);
            pdf = out.toByteArray();
        }
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> new ReportParser().parse(pdf, "ascii.pdf"));
        assertEquals(RejectionReason.NOT_A_REPORT, e.reason());
        assertTrue(e.detail().contains("政府信息公开"), e.detail());
    }
}
