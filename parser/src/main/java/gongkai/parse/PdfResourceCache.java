package gongkai.parse;

import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * Keeps a document's fonts and graphics states for the whole document. PDFBox's text stripper evicts a page's
 * resources after each page, so a font shared by every page (the usual case) was built again, its /ToUnicode map
 * parsed again, on each page: about 15 % of reading a report. Entries stay soft references, as in PDFBox's cache, so
 * they never hold memory the heap needs; one cache lives as long as one document.
 */
final class PdfResourceCache extends DefaultResourceCache {
    @Override
    public PDFont removeFont(COSObject indirect) {
        return null;
    }

    @Override
    public PDExtendedGraphicsState removeExtState(COSObject indirect) {
        return null;
    }
}
