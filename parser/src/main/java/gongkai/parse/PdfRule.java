package gongkai.parse;

/** A horizontal line drawn on a page (a table border), from x1 to x2 at y measured from the top of the page. */
record PdfRule(double x1, double x2, double y) {
    boolean crosses(double left, double right) {
        return x1 <= right && x2 >= left;
    }
}
