package gongkai.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated report text as a page lays it out: its title, then paragraphs and tables in order. The text layout the
 * templates use is the one the parser's text reader reads (and writes for a .docx): a table is a run of tab-indented
 * lines, one cell per line, its rows separated by blank lines (a line without a tab right after a cell continues the
 * cell); every other line is a paragraph.
 */
record ReportBlocks(String title, List<Object> blocks) {

    /** The rows of a table, each a list of cells as printed (a blank cell is ""). */
    record Table(List<List<String>> rows) {
    }

    static ReportBlocks of(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        int i = 0;
        StringBuilder title = new StringBuilder();
        // The title is the lines before the first body paragraph: one line, or the agency and the report name apart.
        while (i < lines.size() && !lines.get(i).contains("依据") && !lines.get(i).startsWith("\t")) {
            title.append(lines.get(i).strip());
            i++;
        }
        List<Object> blocks = new ArrayList<>();
        List<List<String>> rows = null;
        List<String> row = null;
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("\t")) {
                if (rows == null) {
                    rows = new ArrayList<>();
                }
                if (row == null) {
                    row = new ArrayList<>();
                    rows.add(row);
                }
                row.add(l.substring(1).strip());
            } else if (l.isBlank()) {
                row = null;
            } else if (row != null && i > 0 && lines.get(i - 1).startsWith("\t")) {
                // A cell printed over two lines ("结果" / "纠正"): its second line follows without a tab.
                row.set(row.size() - 1, row.get(row.size() - 1) + l.strip());
            } else {
                if (rows != null) {
                    blocks.add(new Table(rows));
                    rows = null;
                }
                row = null;
                blocks.add(l.strip());
            }
        }
        if (rows != null) {
            blocks.add(new Table(rows));
        }
        return new ReportBlocks(title.toString(), blocks);
    }
}
