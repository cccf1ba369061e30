package gongkai.parse;

import java.util.List;

/** The words of one visual line, left to right; {@code y} is the flow baseline (see {@link PdfWord}). */
record PdfLine(List<PdfWord> words, double y, double size, int page) {
    double x1() {
        return words.get(0).x1();
    }

    double x2() {
        return words.get(words.size() - 1).x2();
    }

    /** The line as text: words far apart (more than one character) are separated by a space. */
    String text() {
        StringBuilder b = new StringBuilder();
        PdfWord previous = null;
        for (PdfWord w : words) {
            if (previous != null && w.x1() - previous.x2() > Math.min(w.size(), previous.size()) * 0.9) {
                b.append(' ');
            }
            b.append(w.text());
            previous = w;
        }
        return b.toString();
    }
}
