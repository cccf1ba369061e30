package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What a printer adds to every page is not text of the report: page numbers in their usual Chinese forms and running
 * headers are dropped, a lone number inside the page is kept, and spaced digits read as one number. Pages are built
 * from positioned characters directly, as {@link PdfPageReader} collects them.
 */
class PdfPageFurnitureTest {
    private static final double HEIGHT = 842;

    /** A line of characters 12 pt wide starting at x, on the baseline y; a space leaves a gap and marks the next character. */
    private static List<PdfGlyph> line(String text, double x, double y) {
        List<PdfGlyph> out = new ArrayList<>();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            String c = text.substring(i, i + 1);
            if (c.equals(" ")) {
                space = true;
                x += 3;
                continue;
            }
            double w = c.charAt(0) < 0x80 ? 6 : 12;
            out.add(new PdfGlyph(c, x, x + w, y, 12, space));
            space = false;
            x += w;
        }
        return out;
    }

    private static PdfPageReader.Page page(int number, String header, String footer, String... body) {
        List<PdfGlyph> glyphs = new ArrayList<>();
        if (header != null) {
            glyphs.addAll(line(header, 200, 40));
        }
        double y = 120;
        for (String b : body) {
            glyphs.addAll(line(b, 72, y));
            y += 20;
        }
        if (footer != null) {
            glyphs.addAll(line(footer, 280, 810));
        }
        return new PdfPageReader.Page(number, 595, HEIGHT, glyphs, List.of(), List.of());
    }

    private static List<String> texts(List<PdfPageReader.Page> pages) {
        return PdfLayout.flow(pages).lines().stream().map(PdfLine::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"- %d -", "— %d —", "第 %d 页", "第%d页 共3页", "%d/3", "%d", "－%d－"})
    void pageNumbersInTheMarginAreDropped(String form) {
        List<PdfPageReader.Page> pages = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            pages.add(page(n, null, String.format(form, n), "第" + n + "页的正文", "12"));
        }
        assertEquals(List.of("第1页的正文", "12", "第2页的正文", "12", "第3页的正文", "12"), texts(pages));
    }

    @Test
    void aRunningHeaderOnEveryPageIsDroppedAndTheTitleIsKept() {
        List<PdfPageReader.Page> pages = new ArrayList<>();
        pages.add(page(1, null, null, "某某镇人民政府", "2020年政府信息公开工作年度报告"));
        for (int n = 2; n <= 4; n++) {
            pages.add(page(n, "某某镇2020年政府信息公开工作年度报告", "- " + n + " -", "正文" + n));
        }
        assertEquals(List.of("某某镇人民政府", "2020年政府信息公开工作年度报告", "正文2", "正文3", "正文4"), texts(pages));
    }

    @Test
    void spacedDigitsAreOneNumberAndLatinWordsKeepTheirSpace() {
        List<PdfPageReader.Page> pages = List.of(page(1, null, null, "2 0 2 4 年 报告", "Annual report 2024"));
        assertEquals(List.of("2024年 报告", "Annual report 2024"), texts(pages));
    }

    @Test
    void pagesStackIntoOneFlowSoALineAfterABreakFollowsTheLastLineBeforeIt() {
        List<PdfPageReader.Page> pages = List.of(page(1, null, "- 1 -", "甲", "乙"), page(2, null, "- 2 -", "丙"));
        List<PdfLine> lines = PdfLayout.flow(pages).lines();
        double pitch = lines.get(1).y() - lines.get(0).y();
        double acrossTheBreak = lines.get(2).y() - lines.get(1).y();
        assertEquals(3, lines.size());
        // Closer than two lines of the page: a cell cut by the break reads as one.
        assertEquals(true, acrossTheBreak > 0 && acrossTheBreak < pitch, "pitch " + pitch + ", across the break " + acrossTheBreak);
    }
}
