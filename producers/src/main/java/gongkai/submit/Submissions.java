package gongkai.submit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.UUID;

import gongkai.text.Sha256;
import gongkai.avro.ReportSubmission;

/** Builds submission events from document bytes. */
public final class Submissions {
    private Submissions() {
    }

    public static ReportSubmission of(byte[] content, String source, String submitter, String contentType,
                                      String agencyHint, String publishedAt, Instant receivedAt) {
        return ReportSubmission.newBuilder()
                .setSubmissionId(UUID.randomUUID().toString())
                .setContent(ByteBuffer.wrap(content))
                .setContentType(contentType)
                .setSource(source)
                .setSubmitter(submitter)
                .setAgencyHint(agencyHint)
                .setPublishedAt(publishedAt)
                .setReceivedAt(receivedAt)
                .setSha256(Sha256.hex(content))
                .build();
    }

    /** A content type from the file name, as a hint only: the parser sniffs the real type from the bytes. */
    public static String guessContentType(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return "text/html";
        }
        if (n.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (n.endsWith(".txt")) {
            return "text/plain";
        }
        return null;
    }
}
