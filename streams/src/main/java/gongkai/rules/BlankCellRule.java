package gongkai.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.report.RequestTable;

/**
 * R-CELL-01: a blank cell in a numeric table. The arithmetic rules count it as 0, and the finding says so, so
 * a reader is never left wondering whether a balance held because of a guess.
 */
public final class BlankCellRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.CELL_01;
    private static final String ZH_TAIL = "为空白，计算时按 0 处理。";
    private static final String EN_TAIL = ": the cell is blank; it is treated as 0 in the checks.";

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        activeDisclosure(report, findings);
        requestTable(report, findings);
        review(report, findings);
        return new ArrayList<>(findings.values());
    }

    private static void activeDisclosure(DisclosureReport report, Map<String, Finding> findings) {
        for (ActiveDisclosureRow row : report.getActiveDisclosure()) {
            String rowKey = ActiveRows.rowKey(row);
            for (ActiveDisclosureCell cell : row.getCells()) {
                if (!Text.isBlank(cell.getRaw())) {
                    continue;
                }
                String header = ActiveRows.header(cell);
                add(findings, new Location(2, rowKey, header),
                        "第二部分“" + rowKey + "”行“" + header + "”列" + ZH_TAIL,
                        "Section 2, row " + rowKey + ", column " + header + EN_TAIL);
            }
        }
    }

    private static void requestTable(DisclosureReport report, Map<String, Finding> findings) {
        for (RequestRow row : RequestRows.distinctRows(report)) {
            for (int c = 0; c < RequestTable.COLUMNS.size(); c++) {
                if (!RequestRows.isBlank(row, c)) {
                    continue;
                }
                String code = row.getCode();
                add(findings, new Location(3, code, RequestRows.columnZh(c)),
                        "第三部分“" + RequestRows.labelZh(report, code) + "”行“" + RequestRows.columnZh(c) + "”列" + ZH_TAIL,
                        "Section 3, " + RequestRows.labelEn(code) + ", column " + RequestRows.columnEn(c) + EN_TAIL);
            }
        }
    }

    private static void review(DisclosureReport report, Map<String, Finding> findings) {
        for (ReviewGroup group : report.getReview()) {
            for (ReviewCells.Cell cell : ReviewCells.cells(group)) {
                if (cell.value() != null) {
                    continue;
                }
                add(findings, new Location(4, group.getGroup().name(), cell.zh()),
                        "第四部分" + ReviewCells.groupZh(group.getGroup()) + "“" + cell.zh() + "”" + ZH_TAIL,
                        "Section 4, " + ReviewCells.groupEn(group.getGroup()) + ", " + cell.en() + EN_TAIL);
            }
        }
    }

    private static void add(Map<String, Finding> findings, Location location, String zh, String en) {
        findings.putIfAbsent(location.key(), INFO.finding(location, "数字", "空白", zh, en));
    }
}
