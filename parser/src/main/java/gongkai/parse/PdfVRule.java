package gongkai.parse;

/** A vertical line drawn on a page (a border between table cells), at x from top to bottom (measured from the top). */
record PdfVRule(double x, double top, double bottom) {
}
