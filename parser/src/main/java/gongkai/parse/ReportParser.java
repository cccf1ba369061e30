package gongkai.parse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import gongkai.text.Sha256;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ParseWarning;
import gongkai.avro.ReportSubmission;

/**
 * Parses one submitted document (text, HTML, .docx, .doc or PDF, detected from its bytes) into a {@link DisclosureReport}.
 * Thread-safe. Throws nothing but {@link ReportRejectedException}: a parser fed by a stream of untrusted documents
 * must turn every failure into a dead letter with a reason, never into a crashed stream thread.
 */
public final class ReportParser {
    /** The document limit: the one constant topics, producers and dead letters are sized from (see RecordLimits). */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    /**
     * The wall-clock time one document may take. A real 20 MiB report parses in about a second; the budget stops
     * a pathological one long before the topology's transaction times out (see ComplianceApp).
     */
    public static final long DEFAULT_BUDGET_MS = 10_000;
    /** Tables one document may hold: a report has four, a laid-out web page a few dozen. */
    static final int MAX_TABLES = 500;

    private final long maxBytes;
    private final long budgetMillis;

    public ReportParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public ReportParser(long maxBytes) {
        this(maxBytes, DEFAULT_BUDGET_MS);
    }

    public ReportParser(long maxBytes, long budgetMillis) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (budgetMillis <= 0) {
            throw new IllegalArgumentException("budgetMillis must be positive: " + budgetMillis);
        }
        this.maxBytes = maxBytes;
        this.budgetMillis = budgetMillis;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The rejection of a document of {@code size} bytes if it is over the limit, for those (submit, crawl) that
     * check before sending it; the parser checks again on its side.
     */
    public java.util.Optional<ReportRejectedException> checkSize(long size, String source) {
        return size > maxBytes ? java.util.Optional.of(new ReportRejectedException(RejectionReason.TOO_LARGE, source,
                "document is " + size + " bytes, over the limit of " + maxBytes + " bytes")) : java.util.Optional.empty();
    }

    /** Convenience for files and tests: wraps the bytes in a submission received now. */
    public DisclosureReport parse(byte[] content, String sourceName) throws ReportRejectedException {
        byte[] bytes = content == null ? new byte[0] : content;
        String sha = Sha256.hex(bytes);
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
        try (AutoCloseable budget = ParseBudget.start(budgetMillis, source)) {
            return parseChecked(s, source);
        } catch (ReportRejectedException e) {
            throw e;
        } catch (ParseBudget.Exceeded e) {
            throw e.rejection();
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ParseBudget.Exceeded spent) {
                    throw spent.rejection(); // a library wrapped our own stop
                }
            }
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
        var tooLarge = checkSize(buffer.remaining(), source);
        if (tooLarge.isPresent()) {
            throw tooLarge.get();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (isBlank(bytes)) {
            throw new ReportRejectedException(RejectionReason.EMPTY, source,
                    bytes.length == 0 ? "document is empty (0 bytes)" : "document holds only whitespace (" + bytes.length + " bytes)");
        }
        ContentSniffer.Sniffed sniffed = ContentSniffer.sniff(bytes, source);
        ParseBudget.checkpoint("detecting the format");
        ExtractedDocument byLine = null;
        ExtractedDocument doc;
        if (sniffed.type() == DocumentType.PDF) {
            PdfExtractor.Read read = PdfExtractor.read(bytes, source);
            doc = read.byPosition();
            byLine = read.byLine();
        } else {
            doc = switch (sniffed.type()) {
                case TEXT -> TextExtractor.extract(sniffed.text());
                case HTML -> HtmlExtractor.extract(sniffed.text());
                case DOCX -> DocxExtractor.extract(bytes);
                case DOC -> DocExtractor.extract(bytes, source);
                case PDF -> throw new IllegalStateException("read above");
            };
        }
        if (doc.blocks().isEmpty()) {
            throw new ReportRejectedException(RejectionReason.EMPTY, source,
                    "no text could be extracted from the " + sniffed.type() + " document (" + bytes.length + " bytes)");
        }
        checkWork(doc, source);
        ParseBudget.checkpoint("extracting the " + sniffed.type() + " text");
        return interpret(doc, byLine, withSource(s, source), Sha256.hex(bytes));
    }

    /**
     * Interprets a document; for a PDF whose tables the position reader could not read, tries the text layer's lines
     * (a row-per-line text) before rejecting. The first reason stands if both fail.
     */
    static DisclosureReport interpret(ExtractedDocument doc, ExtractedDocument byLine, ReportSubmission s, String sha)
            throws ReportRejectedException {
        try {
            return ReportInterpreter.interpret(doc, s, sha);
        } catch (ReportRejectedException byPosition) {
            if (byLine == null || byPosition.reason() != RejectionReason.TABLE_UNREADABLE
                    && byPosition.reason() != RejectionReason.TABLE_TRUNCATED) {
                throw byPosition;
            }
            try {
                DisclosureReport r = ReportInterpreter.interpret(byLine, s, sha);
                List<ParseWarning> warnings = new ArrayList<>(r.getWarnings());
                warnings.add(ParseWarning.newBuilder().setCode(WarningCode.PDF_READ_BY_LINE.name()).setSection(3).setMessage(
                        "the PDF's tables were read line by line from its text layer: by position, " + byPosition.detail()).build());
                r.setWarnings(warnings);
                return r;
            } catch (ReportRejectedException byLineToo) {
                throw byPosition;
            }
        }
    }

    /**
     * Bounds what the interpreter is given: a compressed format (.docx, PDF) can expand a document within the
     * byte limit into far more text or tables than any report has.
     */
    private void checkWork(ExtractedDocument doc, String source) throws ReportRejectedException {
        if (doc.text().length() > maxBytes) {
            throw new ReportRejectedException(RejectionReason.TOO_COMPLEX, source, "the " + doc.type() + " document expands to "
                    + doc.text().length() + " characters of text, over the limit of " + maxBytes);
        }
        long tables = doc.blocks().stream().filter(b -> b instanceof Block.Table).count();
        if (tables > MAX_TABLES) {
            throw new ReportRejectedException(RejectionReason.TOO_COMPLEX, source, "the " + doc.type() + " document holds "
                    + tables + " tables, over the limit of " + MAX_TABLES + " (a report has four)");
        }
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

    private static String shorten(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
