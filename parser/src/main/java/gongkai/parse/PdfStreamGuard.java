package gongkai.parse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Refuses a PDF whose compressed streams expand beyond a bound before PDFBox decodes them: PDFBox 3 decodes a stream
 * into memory in one piece, so a few hundred KB of deflated zeros (a "compression bomb") would exhaust the heap.
 * A stream is measured by decoding it into a counter only when its filters could make it larger than the cap
 * (deflate expands at most about 1032 times); images are skipped, text extraction never decodes them.
 */
final class PdfStreamGuard {
    private PdfStreamGuard() {
    }

    static final long MAX_STREAM_BYTES = 32L << 20;
    static final long MAX_DOCUMENT_BYTES = 96L << 20;

    /** Checks every stream but {@code skipped} (font programs detached, never decoded). */
    static void check(PDDocument pdf, Set<COSStream> skipped, String source) throws ReportRejectedException, IOException {
        long total = 0;
        for (Map.Entry<COSObjectKey, Long> e : pdf.getDocument().getXrefTable().entrySet()) {
            COSObject object = pdf.getDocument().getObjectFromPool(e.getKey());
            COSBase base = object == null ? null : object.getObject();
            if (!(base instanceof COSStream stream) || COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE)) || skipped.contains(stream)) {
                continue;
            }
            List<COSName> filters = filters(stream);
            if (filters.isEmpty() || isImageFilter(filters)) {
                continue;
            }
            double bound = stream.getLength();
            for (COSName f : filters) {
                bound *= expansion(f);
            }
            if (bound <= MAX_STREAM_BYTES) {
                // Cannot pass the cap on its own; the time all of them take is the parse budget's business.
                total += stream.getLength();
                continue;
            }
            total += decodedLength(stream, filters, Math.min(MAX_STREAM_BYTES, MAX_DOCUMENT_BYTES - total), e.getKey(), source);
            if (total > MAX_DOCUMENT_BYTES) {
                throw tooBig(source, "its compressed streams expand to more than " + (MAX_DOCUMENT_BYTES >> 20) + " MB");
            }
        }
    }

    private static long decodedLength(COSStream stream, List<COSName> filters, long cap, COSObjectKey key, String source)
            throws ReportRejectedException, IOException {
        InputStream in = stream.createRawInputStream();
        try {
            for (int i = 0; i < filters.size(); i++) {
                Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                boolean last = i == filters.size() - 1;
                CappedOutput out = new CappedOutput(cap, last);
                try {
                    filter.decode(in, out, stream, i);
                } catch (CappedOutput.Full full) {
                    throw tooBig(source, "stream " + key.getNumber() + " expands beyond " + (cap >> 20) + " MB");
                }
                in.close();
                if (last) {
                    return out.count;
                }
                in = new ByteArrayInputStream(out.bytes.toByteArray());
            }
            return 0;
        } finally {
            in.close();
        }
    }

    private static ReportRejectedException tooBig(String source, String why) {
        return new ReportRejectedException(RejectionReason.TOO_COMPLEX, source,
                "PDF is too complex to read: " + why + " (a compression bomb, or far larger than any report)");
    }

    private static List<COSName> filters(COSStream stream) {
        COSBase f = stream.getFilters();
        List<COSName> out = new ArrayList<>();
        if (f instanceof COSName n) {
            out.add(n);
        } else if (f instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSName n) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static boolean isImageFilter(List<COSName> filters) {
        for (COSName f : filters) {
            if (f.equals(COSName.DCT_DECODE) || f.equals(COSName.JPX_DECODE) || f.equals(COSName.CCITTFAX_DECODE)
                    || f.equals(COSName.JBIG2_DECODE) || f.equals(COSName.DCT_DECODE_ABBREVIATION)
                    || f.equals(COSName.CCITTFAX_DECODE_ABBREVIATION)) {
                return true;
            }
        }
        return false;
    }

    /** The most a filter can multiply a stream's length by. */
    private static double expansion(COSName filter) {
        String n = filter.getName();
        return switch (n) {
            case "FlateDecode", "Fl" -> 1032;
            case "LZWDecode", "LZW" -> 3000;
            case "RunLengthDecode", "RL" -> 64;
            case "ASCIIHexDecode", "AHx" -> 0.5;
            case "ASCII85Decode", "A85" -> 0.8;
            default -> 1;
        };
    }

    /** Counts (and for an intermediate filter keeps) decoded bytes, and stops the decoder past the cap. */
    private static final class CappedOutput extends OutputStream {
        static final class Full extends RuntimeException {
            Full() {
                super(null, null, false, false);
            }
        }

        final long cap;
        final ByteArrayOutputStream bytes;
        long count;

        CappedOutput(long cap, boolean countOnly) {
            this.cap = cap;
            this.bytes = countOnly ? null : new ByteArrayOutputStream();
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            if (count > cap) {
                throw new Full();
            }
            if (bytes != null) {
                bytes.write(b, off, len);
            }
        }
    }
}
