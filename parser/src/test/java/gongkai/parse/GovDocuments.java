package gongkai.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Builds an HTML page and a .docx laid out the way government sites and Word lay these reports out (merged
 * cells as rowspan/colspan, gridSpan/vMerge), from a sample's paragraphs and its hand-written golden tables.
 * Independent of the parser's own text reader, so equality of the parses tests both paths.
 */
final class GovDocuments {
    private GovDocuments() {
    }

    record Cell(String text, int rowspan, int colspan) {
        static Cell of(String text) {
            return new Cell(text, 1, 1);
        }
    }

    /** Paragraphs (String) and tables (List of rows of Cell) in document order. */
    static List<Object> model(String name) {
        List<String> golden = Golden.expected(name);
        boolean t2021 = golden.contains("template T2021");
        List<Object> out = new ArrayList<>();
        boolean inTables = false;
        for (String line : Samples.text(name).split("\n")) {
            if (line.startsWith("\t") || line.isBlank()) {
                continue;
            }
            String squashed = Cells.squash(line);
            if (squashed.endsWith("主动公开政府信息情况")) {
                out.add(line);
                out.add(section2(golden));
                inTables = true;
            } else if (squashed.endsWith("收到和处理政府信息公开申请情况")) {
                out.add(line);
                out.add(section3(golden, t2021));
                inTables = true;
            } else if (squashed.endsWith("行政诉讼情况")) {
                out.add(line);
                out.add(section4(golden));
                inTables = true;
            } else if (squashed.contains("存在的主要问题")) {
                out.add(line);
                inTables = false;
            } else if (!inTables) {
                out.add(line);
            }
        }
        return out;
    }

    private static List<List<Cell>> section2(List<String> golden) {
        Map<String, List<String[]>> items = new LinkedHashMap<>();
        for (String line : golden) {
            if (line.startsWith("s2 ")) {
                String[] parts = line.substring(3).split(" \\| ");
                items.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
            }
        }
        int width = 5;
        List<List<Cell>> rows = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> item : items.entrySet()) {
            rows.add(List.of(new Cell(item.getKey(), 1, width)));
            String[] firstCells = item.getValue().get(0)[2].split(" ");
            List<Cell> header = new ArrayList<>(List.of(new Cell("信息内容", 1, 2)));
            for (int i = 0; i < firstCells.length; i++) {
                String h = firstCells[i].substring(0, firstCells[i].indexOf('='));
                header.add(new Cell(h, 1, i == firstCells.length - 1 ? width - 2 - i : 1));
            }
            rows.add(header);
            List<String[]> data = item.getValue();
            for (int r = 0; r < data.size(); r++) {
                String nameText = data.get(r)[1];
                List<Cell> row = new ArrayList<>();
                int slash = nameText.indexOf('/');
                if (slash < 0) {
                    row.add(new Cell(nameText, 1, 2));
                } else {
                    String parent = nameText.substring(0, slash);
                    boolean first = r == 0 || !data.get(r - 1)[1].startsWith(parent + "/");
                    if (first) {
                        int span = 0;
                        for (int k = r; k < data.size() && data.get(k)[1].startsWith(parent + "/"); k++) {
                            span++;
                        }
                        row.add(new Cell(parent, span, 1));
                    }
                    row.add(Cell.of(nameText.substring(slash + 1)));
                }
                String[] cells = data.get(r)[2].split(" ");
                for (int i = 0; i < cells.length; i++) {
                    String v = cells[i].substring(cells[i].indexOf('=') + 1);
                    row.add(new Cell(v.equals("_") ? "" : "\u00A0" + v, 1, i == cells.length - 1 ? width - 2 - i : 1));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static final Map<String, String> SUB_LABELS = new HashMap<>();
    static {
        String[] withheld = {"属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息",
            "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"};
        String[] unable = {"本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"};
        String[] notProcessed = {"信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"};
        String[] other = {"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"};
        put("WITHHELD_", withheld);
        put("UNABLE_", unable);
        put("NOT_PROCESSED_", notProcessed);
        put("OTHER_", other);
    }

    private static void put(String prefix, String[] labels) {
        for (int i = 0; i < labels.length; i++) {
            SUB_LABELS.put(prefix + (i + 1), (i + 1) + "." + labels[i]);
        }
    }

    private static final Map<String, String> GROUP_LABELS = Map.of("WITHHELD_", "（三）不予公开", "UNABLE_", "（四）无法提供",
            "NOT_PROCESSED_", "（五）不予处理", "OTHER_", "（六）其他处理");
    private static final Map<String, Integer> GROUP_SIZES = Map.of("WITHHELD_", 8, "UNABLE_", 3, "NOT_PROCESSED_", 5, "OTHER_", 3);

    private static List<List<Cell>> section3(List<String> golden, boolean t2021) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new Cell("申请人情况", 1, 7)));
        rows.add(List.of(new Cell("自然人", 2, 1), new Cell("法人或其他组织", 1, 5), new Cell("总计", 2, 1)));
        rows.add(List.of(Cell.of("商业企业"), Cell.of("科研机构"), Cell.of("社会公益组织"), Cell.of("法律服务机构"), Cell.of("其他")));
        int results = t2021 ? 21 : 19;
        for (String line : golden) {
            if (!line.startsWith("s3 ")) {
                continue;
            }
            String[] parts = line.substring(3).split(" ");
            String code = parts[0];
            List<Cell> row = new ArrayList<>();
            switch (code) {
                case "NEW" -> row.add(new Cell("一、本年新收政府信息公开申请数量", 1, 3));
                case "CARRIED_OVER" -> row.add(new Cell("二、上年结转政府信息公开申请数量", 1, 3));
                case "DISCLOSED" -> {
                    row.add(new Cell("三、本年度办理结果", results, 1));
                    row.add(new Cell("（一）予以公开", 1, 2));
                }
                case "PARTIAL" -> row.add(new Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2));
                case "OTHER" -> row.add(new Cell("（六）其他处理", 1, 2));
                case "RESULT_TOTAL" -> row.add(new Cell("（七）总计", 1, 2));
                case "CARRY_FORWARD" -> row.add(new Cell("四、结转下年度继续办理", 1, 3));
                default -> {
                    String prefix = code.substring(0, code.lastIndexOf('_') + 1);
                    if (code.endsWith("_1")) {
                        row.add(new Cell(GROUP_LABELS.get(prefix), GROUP_SIZES.get(prefix), 1));
                    }
                    row.add(Cell.of(SUB_LABELS.get(code)));
                }
            }
            for (int i = 1; i < parts.length; i++) {
                row.add(Cell.of(parts[i].equals("_") ? "\u3000" : parts[i] + (i % 2 == 0 ? "\u00A0" : "")));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Cell>> section4(List<String> golden) {
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(new Cell("行政复议", 1, 5), new Cell("行政诉讼", 1, 10)));
        List<Cell> second = new ArrayList<>();
        for (String h : ReviewTableReader.COLUMNS) {
            second.add(new Cell(h.equals("总计") ? "总 计" : h, 2, 1));
        }
        second.add(new Cell("未经复议直接起诉", 1, 5));
        second.add(new Cell("复议后起诉", 1, 5));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            ReviewTableReader.COLUMNS.forEach(h -> third.add(Cell.of(h)));
        }
        rows.add(third);
        List<Cell> values = new ArrayList<>();
        for (String line : golden) {
            if (line.startsWith("s4 ")) {
                String[] parts = line.split(" ");
                for (int i = 2; i < parts.length; i++) {
                    values.add(Cell.of(parts[i].equals("_") ? "" : parts[i]));
                }
            }
        }
        rows.add(values);
        return rows;
    }

    static byte[] html(String name, Charset charset) {
        return ("<!DOCTYPE html>\n<html><head><meta charset=\"" + charset.name() + "\"><title>" + esc(name)
                + "</title><style>td{border:1px solid}</style></head>\n<body><div class=\"article\">\n"
                + articleBody(name) + "</div></body></html>\n").getBytes(charset);
    }

    /** The report as the body of a page's article: paragraphs, and tables with their spans, cells in p and span. */
    static String articleBody(String name) {
        StringBuilder b = new StringBuilder();
        for (Object element : model(name)) {
            if (element instanceof String p) {
                b.append("<p style=\"text-indent:2em\">").append(esc(p.strip())).append("</p>\n");
            } else {
                b.append("<table border=\"1\" cellspacing=\"0\"><tbody>\n");
                for (List<Cell> row : table(element)) {
                    b.append("<tr>");
                    for (Cell c : row) {
                        b.append("<td");
                        if (c.rowspan() > 1) {
                            b.append(" rowspan=\"").append(c.rowspan()).append('"');
                        }
                        if (c.colspan() > 1) {
                            b.append(" colspan=\"").append(c.colspan()).append('"');
                        }
                        b.append("><p><span>").append(esc(c.text())).append("</span></p></td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</tbody></table>\n");
            }
        }
        return b.toString();
    }

    static byte[] docx(String name) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Object element : model(name)) {
                if (element instanceof String p) {
                    doc.createParagraph().createRun().setText(p.strip());
                } else {
                    writeTable(doc, table(element));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<Cell>> table(Object element) {
        return (List<List<Cell>>) element;
    }

    private record Placed(int col, Cell cell, boolean continuation) {
    }

    /** Word writes a row-spanning cell as vMerge=restart and a vMerge=continue cell in each row below it. */
    private static void writeTable(XWPFDocument doc, List<List<Cell>> rows) {
        Map<Long, int[]> occupied = new HashMap<>();
        List<List<Placed>> placed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<Placed> line = new ArrayList<>();
            int c = 0;
            for (Cell cell : rows.get(r)) {
                while (occupied.containsKey(key(r, c))) {
                    c++;
                }
                line.add(new Placed(c, cell, false));
                for (int dr = 0; dr < cell.rowspan(); dr++) {
                    for (int dc = 0; dc < cell.colspan(); dc++) {
                        occupied.put(key(r + dr, c + dc), new int[] {r, c});
                    }
                }
                for (int dr = 1; dr < cell.rowspan(); dr++) {
                    while (placed.size() <= r + dr) {
                        placed.add(new ArrayList<>());
                    }
                    placed.get(r + dr).add(new Placed(c, cell, true));
                }
                c += cell.colspan();
            }
            while (placed.size() <= r) {
                placed.add(new ArrayList<>());
            }
            placed.get(r).addAll(line);
        }
        XWPFTable table = doc.createTable();
        for (int r = 0; r < rows.size(); r++) {
            List<Placed> line = new ArrayList<>(placed.get(r));
            line.sort((a, b) -> Integer.compare(a.col(), b.col()));
            XWPFTableRow row = table.insertNewTableRow(r + 1);
            for (Placed p : line) {
                XWPFTableCell cell = row.createCell();
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                if (p.cell().colspan() > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(p.cell().colspan()));
                }
                if (p.cell().rowspan() > 1) {
                    pr.addNewVMerge().setVal(p.continuation() ? STMerge.CONTINUE : STMerge.RESTART);
                }
                cell.getParagraphs().get(0).createRun().setText(p.continuation() ? "" : p.cell().text());
            }
        }
        table.removeRow(0);
    }

    private static long key(int r, int c) {
        return ((long) r << 32) | c;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00A0", "&nbsp;");
    }
}
