package gongkai.parse;

import java.nio.ByteBuffer;
import java.time.Instant;

import gongkai.avro.ReportSubmission;

final class SubmissionFactory {
    private SubmissionFactory() {
    }

    static ReportSubmission of(byte[] content, String source, String agencyHint) {
        return ReportSubmission.newBuilder()
                .setSubmissionId("test-" + source)
                .setContent(ByteBuffer.wrap(content))
                .setSource(source)
                .setSubmitter("test")
                .setAgencyHint(agencyHint)
                .setReceivedAt(Instant.parse("2024-02-01T00:00:00Z"))
                .setSha256(gongkai.text.Sha256.hex(content))
                .build();
    }
}
