package gongkai.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Detects the real document type from the bytes: a .docx is a zip holding word/document.xml, a .doc an OLE2 compound
 * document holding a WordDocument stream, a PDF starts with %PDF. Formats the monitor does not read (.xlsx, .xls, OFD,
 * WPS, RTF, ...) are rejected as UNSUPPORTED_FORMAT naming the format, not as binary noise.
 */
final class ContentSniffer {
    private ContentSniffer() {
    }

    /** What the bytes are; for text and HTML the decoded string, so it is decoded only once. */
    record Sniffed(DocumentType type, String text) {
    }

    static Sniffed sniff(byte[] content, String source) throws ReportRejectedException {
        if (startsWith(content, "PK\u0003\u0004")) {
            Set<String> entries = zipEntries(content);
            if (entries.contains("word/document.xml")) {
                return new Sniffed(DocumentType.DOCX, null);
            }
            throw new ReportRejectedException(RejectionReason.UNSUPPORTED_FORMAT, source, zipFormat(entries) + SUPPORTED);
        }
        if (indexOfWithin(content, "%PDF-", 1024) >= 0) {
            return new Sniffed(DocumentType.PDF, null);
        }
        if (startsWith(content, "\u00D0\u00CF\u0011\u00E0\u00A1\u00B1\u001A\u00E1")) {
            return new Sniffed(Ole2Formats.documentType(content, source), null);
        }
        if (startsWith(content, "{\\rtf")) {
            throw new ReportRejectedException(RejectionReason.UNSUPPORTED_FORMAT, source, "an RTF document" + SUPPORTED);
        }
        String text = TextDecoder.decode(content);
        if (text == null) {
            throw new ReportRejectedException(RejectionReason.BINARY, source,
                    "content (" + content.length + " bytes) is neither valid UTF-8 nor GB18030 text, nor a .docx or PDF");
        }
        if (TextDecoder.looksBinary(text)) {
            throw new ReportRejectedException(RejectionReason.BINARY, source,
                    "content holds " + TextDecoder.controlCount(text) + " control characters in "
                            + text.length() + " characters: binary data, not text");
        }
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<!doctype html") || head.contains("<table") || head.contains("<body")) {
            return new Sniffed(DocumentType.HTML, text);
        }
        return new Sniffed(DocumentType.TEXT, text);
    }

    private static boolean startsWith(byte[] content, String magic) {
        if (content.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if ((content[i] & 0xFF) != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfWithin(byte[] content, String magic, int limit) {
        int end = Math.min(content.length - magic.length(), limit);
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < magic.length(); j++) {
                if ((content[i + j] & 0xFF) != magic.charAt(j)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static final String SUPPORTED = "; the monitor reads text, HTML, .docx, .doc and PDF";

    /** The names of a zip's entries (at most 10,000: a report never has more), as far as they can be read. */
    private static Set<String> zipEntries(byte[] content) {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null && names.size() < 10_000) {
                names.add(e.getName());
            }
        } catch (IOException | IllegalArgumentException e) {
            // What was read so far still tells the format.
        }
        return names;
    }

    /** Which zip-based format this is, by the entries each format must have. */
    private static String zipFormat(Set<String> entries) {
        if (entries.contains("xl/workbook.xml")) {
            return "an Excel .xlsx workbook";
        }
        if (entries.contains("ppt/presentation.xml")) {
            return "a PowerPoint .pptx presentation";
        }
        if (entries.contains("OFD.xml")) {
            return "an OFD document (GB/T 33190)";
        }
        if (entries.contains("mimetype") && entries.contains("content.xml")) {
            return "an OpenDocument file (.odt/.ods)";
        }
        if (entries.stream().anyMatch(n -> n.startsWith("wps/") || n.endsWith(".wps"))) {
            return "a WPS Office document";
        }
        return "a zip archive without word/document.xml (not a .docx)";
    }
}
