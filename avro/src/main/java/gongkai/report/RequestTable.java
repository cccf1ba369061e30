package gongkai.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import gongkai.avro.DisclosureReport;
import gongkai.avro.RequestRow;
import gongkai.avro.TemplateVersion;

/**
 * The layout of section 3 (收到和处理政府信息公开申请情况): its seven columns and the stable row codes
 * the parser fills and the rules read. One place, so the parser and the rules cannot disagree.
 */
public final class RequestTable {
    private RequestTable() {
    }

    /** Column headers in table order; index 6 is 总计. */
    public static final List<String> COLUMNS = List.of("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计");
    /** English names of {@link #COLUMNS}, for bilingual messages. */
    public static final List<String> COLUMNS_EN = List.of("natural persons", "commercial enterprises", "research institutions",
            "public-interest organisations", "legal service providers", "other organisations", "total");
    public static final int TOTAL_COLUMN = 6;

    public static final String NEW = "NEW";
    public static final String CARRIED_OVER = "CARRIED_OVER";
    public static final String DISCLOSED = "DISCLOSED";
    public static final String PARTIAL = "PARTIAL";
    public static final String RESULT_TOTAL = "RESULT_TOTAL";
    public static final String CARRY_FORWARD = "CARRY_FORWARD";

    /** Row codes in template order. The 2019 format has one （六）其他处理 row (OTHER), the 2021 format three (OTHER_1..3). */
    public static List<String> rowCodes(TemplateVersion template) {
        List<String> codes = new ArrayList<>(List.of(NEW, CARRIED_OVER, DISCLOSED, PARTIAL));
        for (int i = 1; i <= 8; i++) {
            codes.add("WITHHELD_" + i);
        }
        for (int i = 1; i <= 3; i++) {
            codes.add("UNABLE_" + i);
        }
        for (int i = 1; i <= 5; i++) {
            codes.add("NOT_PROCESSED_" + i);
        }
        if (template == TemplateVersion.T2021) {
            codes.addAll(List.of("OTHER_1", "OTHER_2", "OTHER_3"));
        } else {
            codes.add("OTHER");
        }
        codes.add(RESULT_TOTAL);
        codes.add(CARRY_FORWARD);
        return Collections.unmodifiableList(codes);
    }

    /** The result rows （一）…（六） whose sum is （七）总计. */
    public static List<String> resultRowCodes(TemplateVersion template) {
        List<String> all = rowCodes(template);
        return all.subList(all.indexOf(DISCLOSED), all.indexOf(RESULT_TOTAL));
    }

    public static Optional<RequestRow> row(DisclosureReport report, String code) {
        return report.getRequestTable().stream().filter(r -> r.getCode().equals(code)).findFirst();
    }

    /** The cell value, or null if the row is absent or the cell blank/unreadable. */
    public static Long cell(DisclosureReport report, String code, int column) {
        return row(report, code).map(r -> r.getCells().get(column)).orElse(null);
    }
}
