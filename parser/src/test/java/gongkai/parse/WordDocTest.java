package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import gongkai.avro.DisclosureReport;

/** Word 97-2003 .doc files (saved by LibreOffice from the samples) and the formats rejected as unsupported. */
class WordDocTest {
    private final ReportParser parser = new ReportParser();

    static List<String> samples() {
        return Samples.NAMES;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aDocReadsEveryCellOfTheSamplesGoldenAndParsesLikeTheText(String name) throws Exception {
        byte[] doc = Samples.resource("/corpus/doc/" + name + ".doc");
        assertTrue((doc[0] & 0xFF) == 0xD0 && (doc[1] & 0xFF) == 0xCF, "an OLE2 file");
        DisclosureReport fromDoc = parser.parse(doc, name + ".doc");
        assertEquals(Golden.expected(name).stream().filter(l -> l.startsWith("s") || l.startsWith("agency") || l.startsWith("year")).toList(),
                Golden.actual(fromDoc).stream().filter(l -> l.startsWith("s") || l.startsWith("agency") || l.startsWith("year")).toList());
        assertEquals(FormatEquivalenceTest.comparable(parser.parse(Samples.bytes(name), name + ".txt")), FormatEquivalenceTest.comparable(fromDoc));
    }

    @Test
    void docTablesComeOutAsGridsWithVerticallyMergedCellsBlank() throws Exception {
        ExtractedDocument doc = DocExtractor.extract(Samples.resource("/corpus/doc/chaoyang-jinzhan-2021.doc"), "c.doc");
        assertEquals(DocumentType.DOC, doc.type());
        List<Block.Table> tables = doc.blocks().stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b).toList();
        assertEquals(3, tables.size());
        List<List<String>> request = tables.get(1).rows();
        assertEquals(List.of("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"), request.get(0));
        List<String> partial = request.stream().filter(r -> r.stream().anyMatch(c -> c.startsWith("（二）部分公开"))).findFirst().orElseThrow();
        assertEquals("", partial.get(0), "the cell below 三、本年度办理结果 (merged from above) is blank");
        assertEquals(9, partial.size(), "blank, label, seven figures");
    }

    @Test
    void excelWorkbooksAreUnsupportedAndNamed() throws Exception {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("三").createRow(0).createCell(0).setCellValue("本年新收");
            wb.write(xls);
        }
        assertUnsupported(xls.toByteArray(), "book.xls", "Excel .xls");
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("三").createRow(0).createCell(0).setCellValue("本年新收");
            wb.write(xlsx);
        }
        assertUnsupported(xlsx.toByteArray(), "book.xlsx", "Excel .xlsx");
    }

    @Test
    void ofdWpsAndRtfAreUnsupportedAndNamed() throws Exception {
        assertUnsupported(zip("OFD.xml", "Doc_0/Document.xml"), "report.ofd", "OFD");
        ByteArrayOutputStream wps = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WpsContent");
            fs.writeFilesystem(wps);
        }
        assertUnsupported(wps.toByteArray(), "report.wps", "not a Word .doc");
        assertUnsupported("{\\rtf1\\ansi 政府信息公开工作年度报告}".getBytes(StandardCharsets.UTF_8), "report.rtf", "RTF");
    }

    @Test
    void aWord95DocIsUnsupportedAndNamed() throws Exception {
        byte[] fib = new byte[1024];
        fib[0] = (byte) 0xEC; // wIdent 0xA5EC: a Word binary document
        fib[1] = (byte) 0xA5;
        fib[2] = 0x65; // nFib 0x65: Word 95
        ByteArrayOutputStream word95 = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(fib), "WordDocument");
            fs.writeFilesystem(word95);
        }
        assertUnsupported(word95.toByteArray(), "old.doc", "Word 95");
    }

    private void assertUnsupported(byte[] content, String source, String named) {
        ReportRejectedException e = assertThrows(ReportRejectedException.class, () -> parser.parse(content, source));
        assertEquals(RejectionReason.UNSUPPORTED_FORMAT, e.reason(), e.getMessage());
        assertTrue(e.detail().contains(named) && e.getMessage().startsWith(source), e.getMessage());
    }

    private static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String n : names) {
                zip.putNextEntry(new ZipEntry(n));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
