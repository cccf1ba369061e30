package gongkai.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells the OLE2 compound documents apart by the streams at their root: Word .doc (and the WPS Office files saved in
 * its format) hold "WordDocument", Excel .xls "Workbook" or "Book", PowerPoint "PowerPoint Document", and a
 * password-protected .docx/.xlsx "EncryptedPackage".
 */
final class Ole2Formats {
    private Ole2Formats() {
    }

    static DocumentType documentType(byte[] content, String source) throws ReportRejectedException {
        Set<String> streams = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            for (Entry e : fs.getRoot()) {
                streams.add(e.getName());
            }
        } catch (IOException | RuntimeException e) {
            throw new ReportRejectedException(RejectionReason.UNREADABLE_DOCUMENT, source,
                    "an OLE2 compound document (.doc/.xls) that cannot be opened (" + e.getClass().getSimpleName() + ")", e);
        }
        if (streams.contains("WordDocument")) {
            return DocumentType.DOC;
        }
        String format;
        if (streams.contains("Workbook") || streams.contains("Book")) {
            format = "an Excel .xls workbook";
        } else if (streams.contains("PowerPoint Document")) {
            format = "a PowerPoint .ppt presentation";
        } else if (streams.contains("EncryptedPackage")) {
            format = "a password-protected Office document";
        } else {
            format = "an OLE2 compound document that is not a Word .doc (e.g. .wps, .et)";
        }
        throw new ReportRejectedException(RejectionReason.UNSUPPORTED_FORMAT, source, format + ContentSniffer.SUPPORTED);
    }
}
