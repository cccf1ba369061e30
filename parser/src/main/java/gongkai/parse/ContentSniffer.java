package gongkai.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Detects the real document type from the bytes: a .docx is a zip holding word/document.xml, a PDF starts with %PDF. */
final class ContentSniffer {
    private ContentSniffer() {
    }

    /** What the bytes are; for text and HTML the decoded string, so it is decoded only once. */
    record Sniffed(DocumentType type, String text) {
    }

    static Sniffed sniff(byte[] content, String source) throws ReportRejectedException {
        if (startsWith(content, "PK\u0003\u0004")) {
            if (zipHolds(content, "word/document.xml")) {
                return new Sniffed(DocumentType.DOCX, null);
            }
            throw new ReportRejectedException(RejectionReason.BINARY, source,
                    "a zip archive without word/document.xml (not a .docx report)");
        }
        if (indexOfWithin(content, "%PDF-", 1024) >= 0) {
            return new Sniffed(DocumentType.PDF, null);
        }
        if (startsWith(content, "\u00D0\u00CF\u0011\u00E0")) {
            throw new ReportRejectedException(RejectionReason.UNREADABLE_DOCUMENT, source,
                    "a legacy Word .doc (OLE2) file; only .docx, PDF, HTML and text are read");
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

    private static boolean zipHolds(byte[] content, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null && entries++ < 10_000) {
                if (name.equals(e.getName())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
