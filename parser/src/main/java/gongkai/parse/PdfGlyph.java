package gongkai.parse;

/**
 * One printed character of a PDF page: its text, left and right edge, baseline (measured from the top of the page,
 * as on paper) and font size in points; {@code spaceBefore}: the PDF printed a space right before it.
 */
record PdfGlyph(String text, double x1, double x2, double y, double size, boolean spaceBefore) {
}
