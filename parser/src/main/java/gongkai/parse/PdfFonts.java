package gongkai.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Reading text needs a font's character codes, widths and Unicode mapping, all in the PDF's font dictionaries, not
 * its glyph outlines. Parsing an embedded font program is most of PDFBox's work on a report (a full Chinese TrueType
 * font has tens of thousands of glyphs, parsed again for every document), so for every font that maps its codes to
 * Unicode itself (/ToUnicode; its widths are in its /W or /Widths array) the program is detached before reading, and PDFBox is given one small stand-in font
 * (PDFBox's own LiberationSans) instead of searching the system's fonts. Fonts without /ToUnicode keep their program:
 * their text can only be decoded through it.
 *
 * <p>The stand-in mapper is installed for the whole JVM ({@link FontMappers#set}); the monitor never renders PDFs, where
 * it would matter.
 */
final class PdfFonts {
    private PdfFonts() {
    }

    private static final COSName[] PROGRAMS = {COSName.FONT_FILE, COSName.FONT_FILE2, COSName.FONT_FILE3};

    static {
        FontMappers.set(new StandIn());
    }

    /** Ensures the stand-in mapper is installed (the class initialiser does it once). */
    static void install() {
        // Nothing else: loading this class ran the static initialiser.
    }

    /** Detaches the font programs not needed to read the text; returns them, so their size is not checked for nothing. */
    static Set<COSStream> detachPrograms(PDDocument pdf) {
        Set<COSStream> detached = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : pdf.getPages()) {
            resources(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), detached, seen, 0);
        }
        return detached;
    }

    private static void resources(COSDictionary resources, Set<COSStream> detached, Set<COSDictionary> seen, int depth) {
        if (resources == null || depth > 4 || !seen.add(resources)) {
            return;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName name : fonts.keySet()) {
                if (fonts.getDictionaryObject(name) instanceof COSDictionary font && font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream) {
                    detach(font, detached);
                    if (font.getDictionaryObject(COSName.DESCENDANT_FONTS) instanceof COSArray descendants && descendants.size() > 0
                            && descendants.getObject(0) instanceof COSDictionary cid) {
                        detach(cid, detached);
                    }
                }
            }
        }
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        if (xobjects != null) {
            for (COSName name : xobjects.keySet()) {
                if (xobjects.getDictionaryObject(name) instanceof COSStream form && COSName.FORM.equals(form.getCOSName(COSName.SUBTYPE))) {
                    resources(form.getCOSDictionary(COSName.RESOURCES), detached, seen, depth + 1);
                }
            }
        }
    }

    private static void detach(COSDictionary font, Set<COSStream> detached) {
        if (!(font.getDictionaryObject(COSName.FONT_DESC) instanceof COSDictionary descriptor)) {
            return;
        }
        for (COSName key : PROGRAMS) {
            COSBase program = descriptor.getDictionaryObject(key);
            if (program instanceof COSStream s) {
                detached.add(s);
                descriptor.removeItem(key);
            }
        }
    }

    /** Every font is the stand-in: its outlines are never drawn, widths come from the PDF's dictionaries. */
    private static final class StandIn implements FontMapper {
        private static final TrueTypeFont FONT = load();

        private static TrueTypeFont load() {
            try (InputStream in = FontMapper.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                return new TTFParser().parse(new RandomAccessReadBuffer(in));
            } catch (IOException e) {
                throw new UncheckedIOException("PDFBox's LiberationSans is missing from its jar", e);
            }
        }

        // Not reported as a fallback: PDFBox would log a warning per font per document for a substitution made on purpose.
        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(FONT, false);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(FONT, false);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
            return new CIDFontMapping(null, FONT, false);
        }
    }
}
