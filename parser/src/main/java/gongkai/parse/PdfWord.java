package gongkai.parse;

/**
 * A run of characters printed close together on one line. {@code y} is the baseline in flow coordinates: pages
 * stacked without their margins, so a table that continues on the next page continues in y as well.
 * {@code bordered}: a drawn line (a cell border) stands between this word and the one before it.
 */
record PdfWord(String text, double x1, double x2, double y, double size, int page, boolean bordered) {
    PdfWord moved(double dy) {
        return new PdfWord(text, x1, x2, y + dy, size, page, bordered);
    }

    double centre() {
        return (x1 + x2) / 2;
    }
}
