package gongkai.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;

/**
 * Reads section 2 (主动公开政府信息情况): a run of sub-tables, each introduced by its 第二十条 item row and a
 * 信息内容 header row. A row's last cells are its values (one per header), the cells before are its labels; a
 * blank first label is the merged parent label of the row above (其他对外管理服务事项 / 行政确认).
 */
final class ActiveDisclosureReader {
    private ActiveDisclosureReader() {
    }

    private static final Pattern ITEM = Pattern.compile("^第二十条第[（(][一二三四五六七八九十]+[）)]项$");

    record Result(List<ActiveDisclosureRow> rows, int votes2019, int votes2021) {
    }

    /** A row of cells; a row of a text layout (a line of words) has no blank cells, so its cells have no columns. */
    private record Row(List<String> cells, boolean positional) {
    }

    /** The rows of section 2 in any layout: table rows as they are, lines of text as label words then values. */
    private static List<Row> rows(List<Block> blocks) {
        List<Row> rows = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Table t) {
                for (List<String> row : t.rows()) {
                    if (!TableTokens.isFooter(String.join(" ", row))) {
                        rows.add(new Row(row, true));
                    }
                }
            } else if (b instanceof Block.Paragraph p) {
                for (String line : p.text().split("\\R")) {
                    if (!TableTokens.isFooter(line) && !Cells.trim(line).isEmpty()) {
                        rows.add(new Row(words(line), false));
                    }
                }
            }
        }
        return rows;
    }

    private static List<String> words(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        for (String w : Cells.trim(line).split("[\\s\\u00A0\\u3000]+")) {
            boolean value = Cells.isValueToken(w) || Cells.decimal(w, true).problem() == Cells.Problem.NONE;
            if (value || w.startsWith("信息内容") || is2019Header(w) || is2021Header(w)) {
                if (label.length() > 0) {
                    cells.add(label.toString());
                    label.setLength(0);
                }
                cells.add(w);
            } else {
                label.append(w);
            }
        }
        if (label.length() > 0) {
            cells.add(label.toString());
        }
        return cells;
    }

    static Result read(List<Block> blocks, Warnings warnings) {
        List<ActiveDisclosureRow> out = new ArrayList<>();
        int v2019 = 0;
        int v2021 = 0;
        String item = "";
        List<String> headers = null;
        List<String> previousLabels = List.of();
        for (Row r : rows(blocks)) {
            List<String> row = r.cells();
            List<String> squashed = row.stream().map(Cells::squash).toList();
            List<String> nonBlank = squashed.stream().filter(s -> !s.isEmpty()).toList();
            if (nonBlank.isEmpty()) {
                continue;
            }
            String joined = String.join("", nonBlank.stream().distinct().toList());
            if (ITEM.matcher(joined).matches()) {
                item = joined;
                headers = null;
                continue;
            }
            int contentAt = squashed.indexOf("信息内容");
            if (contentAt >= 0) {
                headers = squashed.subList(contentAt + 1, squashed.size()).stream().filter(s -> !s.isEmpty()).toList();
                for (String h : headers) {
                    v2019 += is2019Header(h) ? 1 : 0;
                    v2021 += is2021Header(h) ? 1 : 0;
                }
                continue;
            }
            if (headers == null || headers.isEmpty()) {
                warnings.add(WarningCode.UNREAD_ROW, 2, nonBlank.get(0), null,
                        "section 2: row \"" + String.join(" ", nonBlank) + "\" has no 信息内容 header above it; not read");
                continue;
            }
            int h = headers.size();
            int labelCount = row.size() > h ? row.size() - h : 1;
            if (!r.positional() && row.size() - labelCount != h) {
                warnings.add(WarningCode.UNREAD_ROW, 2, nonBlank.get(0), null, "section 2: row \"" + String.join(" ", nonBlank)
                        + "\" has " + Math.max(0, row.size() - 1) + " values for " + h + " columns and no cell positions; not read");
                continue;
            }
            List<String> labels = new ArrayList<>(squashed.subList(0, Math.min(labelCount, row.size())));
            if (labels.size() >= 2 && labels.get(0).isEmpty() && previousLabels.size() >= 2) {
                labels.set(0, previousLabels.get(0));
            }
            previousLabels = labels;
            String name = joinDistinct(labels);
            List<ActiveDisclosureCell> cells = new ArrayList<>();
            for (int i = 0; i < h; i++) {
                int at = labelCount + i;
                String printed = at < row.size() ? row.get(at) : "";
                String header = headers.get(i);
                Cells.Number n = Cells.decimal(printed, header.contains("增") || header.contains("减"));
                warnings.cell(n, 2, name, header);
                cells.add(ActiveDisclosureCell.newBuilder().setHeader(header).setValue(n.value()).setRaw(n.raw()).build());
            }
            out.add(ActiveDisclosureRow.newBuilder().setItem(item).setName(name).setCells(cells).build());
        }
        return new Result(List.copyOf(out), v2019, v2021);
    }

    private static String joinDistinct(List<String> labels) {
        List<String> kept = new ArrayList<>();
        for (String l : labels) {
            if (!l.isEmpty() && (kept.isEmpty() || !kept.get(kept.size() - 1).equals(l))) {
                kept.add(l);
            }
        }
        return String.join("/", kept);
    }

    static boolean is2019Header(String h) {
        return h.startsWith("本年新制作") || h.startsWith("本年新公开") || h.startsWith("对外公开总数")
                || h.startsWith("上一年项目数") || h.startsWith("本年增") || h.equals("处理决定数量") || h.startsWith("采购");
    }

    static boolean is2021Header(String h) {
        return h.startsWith("本年制发") || h.startsWith("本年废止") || h.startsWith("现行有效")
                || h.startsWith("本年处理决定") || h.startsWith("本年收费金额");
    }
}
