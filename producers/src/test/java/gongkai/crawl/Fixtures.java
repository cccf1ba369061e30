package gongkai.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Documents for the fixture site, built in the test. */
final class Fixtures {
    static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private Fixtures() {
    }

    /** A report page: the sample report's text as paragraphs, optionally with a 发布日期 line. */
    static String reportPage(String title, String text, String dateLine) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body><h1>").append(escape(title)).append("</h1>");
        if (dateLine != null) {
            html.append("<div class=\"info\"><span>").append(escape(dateLine)).append("</span><span>来源：瀛海镇</span></div>");
        }
        for (String line : text.split("\\R")) {
            html.append("<p>").append(escape(line)).append("</p>\n");
        }
        return html.append("</body></html>").toString();
    }

    static String sampleReportText() throws IOException {
        Path p = Path.of("..", "samples", "daxing-yinghai-2023.txt");
        return Files.readString(Files.exists(p) ? p : Path.of("samples", "daxing-yinghai-2023.txt"), StandardCharsets.UTF_8);
    }

    /** The smallest .docx Word opens: content types, package relationships and a body with paragraphs. */
    static byte[] docx(String... paragraphs) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                    </Relationships>""");
            StringBuilder body = new StringBuilder();
            for (String p : paragraphs) {
                body.append("<w:p><w:r><w:t>").append(escape(p)).append("</w:t></w:r></w:p>");
            }
            put(zip, "word/document.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>"""
                    .formatted(body));
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
