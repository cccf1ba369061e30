package gongkai.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * One Chinese TrueType font, subset once per bench run to every character the generated reports can contain, and its
 * PDF objects (Type0 / CIDFontType2 with Identity-H codes, widths, descriptor, the subset program, a /ToUnicode map)
 * serialised once: every generated PDF embeds the same bytes, as a word processor embeds a subset.
 */
final class PdfFont {
    /** Where Debian's fonts-droid-fallback (and other distributions' packages) put a CJK TrueType font. */
    static final List<Path> CANDIDATES = List.of(Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallback.ttf"),
            Path.of("/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf"));
    /** LiberationSans, which PDFBox carries: the Latin letters, digits and punctuation the Chinese font lacks. */
    static final String LATIN = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** Objects per font in a generated PDF. */
    static final int OBJECTS = 5;

    private final String resource;
    private final int firstObject;
    private final Map<Integer, Integer> cids;
    private final Map<Integer, Integer> widths;
    private final byte[][] objects;

    private PdfFont(String resource, int firstObject, Map<Integer, Integer> cids, Map<Integer, Integer> widths, byte[][] objects) {
        this.resource = resource;
        this.firstObject = firstObject;
        this.cids = cids;
        this.widths = widths;
        this.objects = objects;
    }

    /** Whether a Chinese font for the PDFs is installed (tests of PDFs are skipped without one, as the parser's are). */
    static boolean available() {
        return CANDIDATES.stream().anyMatch(Files::isReadable);
    }

    static Path find() {
        return CANDIDATES.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "the PDF part of the bench history needs a Chinese TrueType font: install fonts-droid-fallback (Debian), looked in "
                        + CANDIDATES));
    }

    static PdfFont chinese(Path ttfFile, Set<Integer> codePoints, String resource, int firstObject) {
        try (RandomAccessRead in = new RandomAccessReadBufferedFile(ttfFile.toFile())) {
            return subset(ttfFile.toString(), in, codePoints, resource, firstObject);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + ttfFile + ": " + e.getMessage(), e);
        }
    }

    static PdfFont latin(Set<Integer> codePoints, String resource, int firstObject) {
        try (InputStream file = PdfFont.class.getResourceAsStream(LATIN)) {
            if (file == null) {
                throw new IllegalStateException(LATIN + " is missing from the classpath (it comes with PDFBox)");
            }
            return subset(LATIN, new RandomAccessReadBuffer(file), codePoints, resource, firstObject);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + LATIN + ": " + e.getMessage(), e);
        }
    }

    /** A subset with those of {@code codePoints} the font has a glyph for (whitespace is never printed, only advanced). */
    private static PdfFont subset(String file, RandomAccessRead in, Set<Integer> codePoints, String resource, int firstObject)
            throws IOException {
        try (TrueTypeFont ttf = new TTFParser().parse(in)) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            Set<Integer> printable = new TreeSet<>();
            for (int cp : codePoints) {
                if (!Character.isWhitespace(cp) && cmap.getGlyphId(cp) != 0) {
                    printable.add(cp);
                }
            }
            String prefix = resource.equals("F1") ? "GKBNCA" : "GKBNCB";
            TTFSubsetter subsetter = new TTFSubsetter(ttf);
            subsetter.setPrefix(prefix);
            subsetter.addAll(printable);
            ByteArrayOutputStream program = new ByteArrayOutputStream();
            subsetter.writeToStream(program);
            Map<Integer, Integer> newByOld = new HashMap<>();
            subsetter.getGIDMap().forEach((newGid, oldGid) -> newByOld.put(oldGid, newGid));
            float scale = 1000f / ttf.getUnitsPerEm();
            Map<Integer, Integer> cids = new HashMap<>();
            Map<Integer, Integer> widths = new TreeMap<>();
            for (int cp : printable) {
                int old = cmap.getGlyphId(cp);
                int cid = newByOld.get(old);
                cids.put(cp, cid);
                widths.put(cid, Math.round(ttf.getAdvanceWidth(old) * scale));
            }
            int ascent = Math.round(ttf.getHorizontalHeader().getAscender() * scale);
            int descent = Math.round(ttf.getHorizontalHeader().getDescender() * scale);
            String name = prefix + "+" + ttf.getName().replaceAll("[^A-Za-z0-9-]", "");
            return new PdfFont(resource, firstObject, cids, widths,
                    objects(name, firstObject, program.toByteArray(), cids, widths, ascent, descent));
        }
    }

    private static byte[][] objects(String name, int first, byte[] program, Map<Integer, Integer> cids, Map<Integer, Integer> widths,
                                    int ascent, int descent) {
        StringBuilder w = new StringBuilder();
        widths.forEach((cid, width) -> w.append(cid).append(" [").append(width).append("] "));
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, Integer>> entries = cids.entrySet().stream().sorted(Map.Entry.comparingByValue()).toList();
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            block.forEach(e -> cmap.append(String.format("<%04X> <%04X>%n", e.getValue(), e.getKey())));
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return new byte[][] {
            ascii("<< /Type /Font /Subtype /Type0 /BaseFont /" + name + " /Encoding /Identity-H /DescendantFonts [" + (first + 1)
                    + " 0 R] /ToUnicode " + (first + 4) + " 0 R >>"),
            ascii("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name
                    + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor " + (first + 2)
                    + " 0 R /CIDToGIDMap /Identity /DW 1000 /W [" + w + "] >>"),
            ascii("<< /Type /FontDescriptor /FontName /" + name + " /Flags 4 /FontBBox [0 " + descent + " 1000 " + ascent
                    + "] /ItalicAngle 0 /Ascent " + ascent + " /Descent " + descent + " /CapHeight " + ascent + " /StemV 80 /FontFile2 "
                    + (first + 3) + " 0 R >>"),
            PdfWriter.stream(program, " /Length1 " + program.length),
            PdfWriter.stream(cmap.toString().getBytes(StandardCharsets.US_ASCII), ""),
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The font's objects, numbered from {@link #firstObject()}; the first is the font dictionary. */
    byte[][] objects() {
        return objects;
    }

    int firstObject() {
        return firstObject;
    }

    /** The name pages use for it in their resources. */
    String resource() {
        return resource;
    }

    boolean has(char c) {
        return cids.containsKey((int) c);
    }

    /** Appends a character as a 2-byte code of a hex string. */
    void appendCode(StringBuilder out, char c) {
        int cid = cid(c);
        out.append(HEX[cid >>> 12 & 15]).append(HEX[cid >>> 8 & 15]).append(HEX[cid >>> 4 & 15]).append(HEX[cid & 15]);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private int cid(int codePoint) {
        Integer cid = cids.get(codePoint);
        if (cid == null) {
            throw new IllegalStateException("the bench's PDF font was not subset with '" + new String(Character.toChars(codePoint)) + "'");
        }
        return cid;
    }

    /** Advance of a character this font has, at the given size, in points. */
    double width(char c, double size) {
        return widths.get(cid(c)) * size / 1000.0;
    }
}
