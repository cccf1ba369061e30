package gongkai.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/** The few lines of PDF syntax a generated report needs: numbered objects, Flate streams, the cross-reference table. */
final class PdfWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final List<Integer> offsets = new ArrayList<>();

    PdfWriter() {
        write("%PDF-1.6\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes the next object (numbered from 1, in the order written). */
    void object(byte[] body) {
        offsets.add(out.size());
        write((offsets.size() + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
        write(body);
        write("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
    }

    byte[] finish(int root) {
        int xref = out.size();
        StringBuilder s = new StringBuilder("xref\n0 ").append(offsets.size() + 1).append("\n0000000000 65535 f \n");
        for (int off : offsets) {
            s.append(String.format("%010d 00000 n \n", off));
        }
        s.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root ").append(root).append(" 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        write(s.toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void write(byte[] b) {
        out.write(b, 0, b.length);
    }

    /** A Flate-compressed stream object body, with extra dictionary entries. */
    static byte[] stream(byte[] data, String extra) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream z = new ByteArrayOutputStream(data.length / 2 + 64);
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            int n = deflater.deflate(buf);
            z.write(buf, 0, n);
        }
        deflater.end();
        ByteArrayOutputStream o = new ByteArrayOutputStream(z.size() + 100);
        byte[] head = ("<< /Length " + z.size() + " /Filter /FlateDecode" + extra + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII);
        o.write(head, 0, head.length);
        o.writeBytes(z.toByteArray());
        byte[] tail = "\nendstream".getBytes(StandardCharsets.US_ASCII);
        o.write(tail, 0, tail.length);
        return o.toByteArray();
    }
}
