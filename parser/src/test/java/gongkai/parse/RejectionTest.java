package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import gongkai.avro.AgencySource;
import gongkai.avro.DisclosureReport;

/** One test per RejectionReason, each checking that the message names the source and says what was wrong. */
class RejectionTest {
    private final ReportParser parser = new ReportParser();

    private ReportRejectedException reject(byte[] content, String source) {
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> parser.parse(content, source));
        assertTrue(e.getMessage().startsWith(source + ": "), e.getMessage());
        return e;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void empty() {
        assertEquals(RejectionReason.EMPTY, reject(new byte[0], "empty.txt").reason());
        ReportRejectedException e = reject(utf8(" \n\t\r\n"), "blank.txt");
        assertEquals(RejectionReason.EMPTY, e.reason());
        assertTrue(e.detail().contains("only whitespace"));
        assertNull(e.ruleId());
    }

    @Test
    void binary() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        assertEquals(RejectionReason.BINARY, reject(noise, "noise.bin").reason());
        byte[] nul = utf8("一、总体情况\u0000\u0001\u0002\u0003");
        assertEquals(RejectionReason.BINARY, reject(nul, "nul.txt").reason());
    }

    @Test
    void zipThatIsNotADocxIsAnUnsupportedFormat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(utf8("<workbook/>"));
        }
        ReportRejectedException e = reject(out.toByteArray(), "book.xlsx");
        assertEquals(RejectionReason.UNSUPPORTED_FORMAT, e.reason());
        assertTrue(e.detail().contains(".xlsx"), e.detail());
    }

    @Test
    void notAReport() {
        ReportRejectedException e = reject(utf8("今天天气很好。\n我们去公园散步。\n"), "diary.txt");
        assertEquals(RejectionReason.NOT_A_REPORT, e.reason());
        assertTrue(e.detail().contains("0 of the 6 section headings"), e.detail());
    }

    @Test
    void noAgencyAnywhereIsNotAReportButAHintRescuesIt() throws Exception {
        byte[] anonymous = utf8(Samples.text("anfeng-2020").replace("安丰镇", "本镇"));
        ReportRejectedException e = reject(anonymous, "anon.txt");
        assertEquals(RejectionReason.NOT_A_REPORT, e.reason());
        assertTrue(e.detail().contains("no agency"), e.detail());

        DisclosureReport r = parser.parse(SubmissionFactory.of(anonymous, "anon.txt", "某县某镇人民政府"));
        assertEquals("某县某镇人民政府", r.getAgency());
        assertEquals(AgencySource.METADATA, r.getAgencySource());
    }

    @Test
    void noYear() {
        byte[] undated = utf8(Samples.text("anfeng-2020").replace("2020年", "今年"));
        ReportRejectedException e = reject(undated, "undated.txt");
        assertEquals(RejectionReason.NO_YEAR, e.reason());
        assertEquals("R-ID-02", e.ruleId());
        assertTrue(e.detail().contains("政府信息公开工作年度报告"), e.detail());
    }

    @Test
    void tableCutBeforeCarryForwardIsTruncated() {
        String text = Samples.text("fengtai-changxindian-2020");
        String cut = text.substring(0, text.indexOf("\t四、结转下年度继续办理"));
        ReportRejectedException e = reject(utf8(cut), "cut.txt");
        assertEquals(RejectionReason.TABLE_TRUNCATED, e.reason());
        assertTrue(e.detail().contains("四、结转下年度继续办理") && e.detail().contains("（七）总计"), e.detail());
    }

    @Test
    void rowWithTooFewCellsIsUnreadableNamingTheRow() {
        String text = Samples.text("fengtai-changxindian-2020");
        int row = text.indexOf("\t（七）总计");
        String cut = text.substring(0, text.indexOf("\t0\n", row)) + "\n\n四、政府信息公开行政复议、行政诉讼情况\n";
        ReportRejectedException e = reject(utf8(cut), "short-row.txt");
        assertEquals(RejectionReason.TABLE_UNREADABLE, e.reason());
        assertTrue(e.detail().contains("RESULT_TOTAL") && e.detail().contains("of 7 cells") && e.detail().contains("line "), e.detail());
    }

    @Test
    void tooLarge() {
        ReportParser small = new ReportParser(1000);
        ReportRejectedException e = assertThrows(ReportRejectedException.class,
                () -> small.parse(Samples.bytes("fengtai-changxindian-2020"), "big.txt"));
        assertEquals(RejectionReason.TOO_LARGE, e.reason());
        assertTrue(e.detail().contains(Samples.bytes("fengtai-changxindian-2020").length + " bytes") && e.detail().contains("1000"), e.detail());
        assertEquals(20L * 1024 * 1024, new ReportParser().maxBytes());
    }

    @Test
    void unreadableDocuments() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(utf8("<w:document><this is not xml"));
        }
        assertEquals(RejectionReason.UNREADABLE_DOCUMENT, reject(out.toByteArray(), "broken.docx").reason());
        assertEquals(RejectionReason.UNREADABLE_DOCUMENT, reject(utf8("%PDF-1.7\n garbage without objects"), "broken.pdf").reason());
        byte[] ole = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertEquals(RejectionReason.UNREADABLE_DOCUMENT, reject(ole, "old.doc").reason());
    }

    @Test
    void gb18030TextIsDecoded() throws Exception {
        byte[] gbk = Samples.text("chaoyang-jinzhan-2021").getBytes(java.nio.charset.Charset.forName("GB18030"));
        assertEquals("北京市朝阳区金盏乡人民政府", parser.parse(gbk, "gbk.txt").getAgency());
    }
}
