package gongkai.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportSubmission;

/**
 * Parses one submitted document (text, HTML, .docx, .doc or PDF, detected from its bytes) into a {@link DisclosureReport}.
 * Thread-safe. Throws nothing but {@link ReportRejectedException}: a parser fed by a stream of untrusted documents
 * must turn every failure into a dead letter with a reason, never into a crashed stream thread.
 */
public final class ReportParser {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private final long maxBytes;

    public ReportParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public ReportParser(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Convenience for files and tests: wraps the bytes in a submission received now. */
    public DisclosureReport parse(byte[] content, String sourceName) throws ReportRejectedException {
        byte[] bytes = content == null ? new byte[0] : content;
        String sha = sha256(bytes);
        ReportSubmission s = ReportSubmission.newBuilder()
                .setSubmissionId(UUID.nameUUIDFromBytes((sourceName + "|" + sha).getBytes(StandardCharsets.UTF_8)).toString())
                .setContent(ByteBuffer.wrap(bytes))
                .setSource(sourceName == null ? "(unnamed)" : sourceName)
                .setSubmitter("local")
                .setReceivedAt(Instant.now())
                .setSha256(sha)
                .build();
        return parse(s);
    }

    public DisclosureReport parse(ReportSubmission s) throws ReportRejectedException {
        String source = s == null || s.getSource() == null ? "(unknown source)" : s.getSource();
        try {
            return parseChecked(s, source);
        } catch (ReportRejectedException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // Untrusted documents reach corners of POI, PDFBox and jsoup that throw anything; none may escape.
            throw new ReportRejectedException(RejectionReason.UNREADABLE_DOCUMENT, source,
                    "the document could not be read (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage())) + ")", e);
        }
    }

    private DisclosureReport parseChecked(ReportSubmission s, String source) throws Exception {
        if (s == null || s.getContent() == null) {
            throw new ReportRejectedException(RejectionReason.EMPTY, source, "submission has no content");
        }
        ByteBuffer buffer = s.getContent().duplicate();
        if (buffer.remaining() > maxBytes) {
            throw new ReportRejectedException(RejectionReason.TOO_LARGE, source,
                    "document is " + buffer.remaining() + " bytes, over the limit of " + maxBytes + " bytes");
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (isBlank(bytes)) {
            throw new ReportRejectedException(RejectionReason.EMPTY, source,
                    bytes.length == 0 ? "document is empty (0 bytes)" : "document holds only whitespace (" + bytes.length + " bytes)");
        }
        ContentSniffer.Sniffed sniffed = ContentSniffer.sniff(bytes, source);
        ExtractedDocument doc = switch (sniffed.type()) {
            case TEXT -> TextExtractor.extract(sniffed.text());
            case HTML -> HtmlExtractor.extract(sniffed.text());
            case DOCX -> DocxExtractor.extract(bytes);
            case DOC -> DocExtractor.extract(bytes, source);
            case PDF -> PdfExtractor.extract(bytes, source);
        };
        if (doc.blocks().isEmpty()) {
            throw new ReportRejectedException(RejectionReason.EMPTY, source,
                    "no text could be extracted from the " + sniffed.type() + " document (" + bytes.length + " bytes)");
        }
        return ReportInterpreter.interpret(doc, withSource(s, source), sha256(bytes));
    }

    private static ReportSubmission withSource(ReportSubmission s, String source) {
        if (source.equals(s.getSource()) && s.getSubmissionId() != null && s.getReceivedAt() != null) {
            return s;
        }
        ReportSubmission.Builder b = ReportSubmission.newBuilder(s).setSource(source);
        if (s.getSubmissionId() == null) {
            b.setSubmissionId("");
        }
        if (s.getReceivedAt() == null) {
            b.setReceivedAt(Instant.EPOCH);
        }
        return b.build();
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
