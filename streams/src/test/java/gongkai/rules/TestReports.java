package gongkai.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.AgencySource;
import gongkai.avro.ClaimKind;
import gongkai.avro.ClaimPart;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.Numbering;
import gongkai.avro.ParseWarning;
import gongkai.avro.ReportVersion;
import gongkai.avro.RequestRow;
import gongkai.avro.ReviewGroup;
import gongkai.avro.ReviewGroupKind;
import gongkai.avro.SectionHeading;
import gongkai.avro.TemplateVersion;
import gongkai.report.RequestTable;

/**
 * Internally consistent reports, and ways to break them one defect at a time. clean2019() is the agency's 2020
 * report, clean2021() its 2021 report and clean2022() its 2022 report: each year's carry-over and valid-document
 * counts continue the year before.
 */
final class TestReports {
    static final String AGENCY = "北京市朝阳区测试乡人民政府";
    private static final List<String> SECTION_TITLES = List.of("总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
            "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项");
    private static final String NUMERALS = "一二三四五六";

    private final Map<String, Long[]> cells = new LinkedHashMap<>();
    private final Map<String, String[]> raw = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<SectionHeading> sections = new ArrayList<>();
    private final List<ActiveDisclosureRow> active = new ArrayList<>();
    private final List<ReviewGroup> review = new ArrayList<>();
    private final List<NarrativeClaim> claims = new ArrayList<>();
    private final List<ParseWarning> warnings = new ArrayList<>();
    private int year;
    private TemplateVersion template;
    private AgencySource agencySource = AgencySource.TITLE;
    private String title;
    private String feeStatement;
    private String problems = "一是政府信息公开工作人员业务能力有待提高；二是主动公开内容不够全面。下一步将加强培训，完善公开目录。";

    private TestReports(int year, TemplateVersion template) {
        this.year = year;
        this.template = template;
        this.title = AGENCY + year + "年政府信息公开工作年度报告";
        for (int n = 1; n <= 6; n++) {
            sections.add(new SectionHeading(n, NUMERALS.charAt(n - 1) + "、" + SECTION_TITLES.get(n - 1), Numbering.CHINESE, n * 1000));
        }
        for (String code : RequestTable.rowCodes(template)) {
            row(code, 0, 0, 0, 0, 0, 0);
            labels.put(code, label(code));
        }
        review.add(new ReviewGroup(ReviewGroupKind.ADMINISTRATIVE_REVIEW, 1L, 0L, 0L, 1L, 2L));
        review.add(new ReviewGroup(ReviewGroupKind.LITIGATION_DIRECT, 0L, 1L, 0L, 0L, 1L));
        review.add(new ReviewGroup(ReviewGroupKind.LITIGATION_AFTER_REVIEW, 0L, 0L, 0L, 0L, 0L));
    }

    /** The 2021 report, 2021 format: 17 new, 3 carried over, 17 handled, 3 carried forward. */
    static TestReports clean2021() {
        TestReports r = new TestReports(2021, TemplateVersion.T2021);
        r.row("NEW", 11, 4, 0, 1, 1, 0);
        r.row("CARRIED_OVER", 2, 1, 0, 0, 0, 0);
        r.row("DISCLOSED", 5, 2, 0, 1, 1, 0);
        r.row("PARTIAL", 2, 1, 0, 0, 0, 0);
        r.row("WITHHELD_4", 1, 0, 0, 0, 0, 0);
        r.row("UNABLE_1", 2, 0, 0, 0, 0, 0);
        r.row("NOT_PROCESSED_2", 1, 0, 0, 0, 0, 0);
        r.row("OTHER_1", 0, 1, 0, 0, 0, 0);
        r.row("RESULT_TOTAL", 11, 4, 0, 1, 1, 0);
        r.row("CARRY_FORWARD", 2, 1, 0, 0, 0, 0);
        r.active("第二十条第（一）项", "规章", "本年制发件数", "0", "本年废止件数", "0", "现行有效件数", "2");
        r.active("第二十条第（一）项", "行政规范性文件", "本年制发件数", "3", "本年废止件数", "1", "现行有效件数", "12");
        r.active("第二十条第（五）项", "行政许可", "本年处理决定数量", "35");
        r.active("第二十条第（六）项", "行政处罚", "本年处理决定数量", "417");
        r.active("第二十条第（六）项", "行政强制", "本年处理决定数量", "0");
        r.active("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", "0.0500");
        r.feeStatement = "本年度发出收费通知0件，总金额0元，实际收取0元。";
        r.requestClaims(17, 3, 9, 3, 1, 2, 1, 3);
        r.activeTotal(183, "主动公开政府信息183条，其中工作动态47条，财政信息10条，其他126条", "工作动态", 47, "财政信息", 10, "其他", 126);
        return r;
    }

    /** The 2022 report: continues clean2021() (carry-over 3, 规章 2+1−0=3, 行政规范性文件 12+2−1=13). */
    static TestReports clean2022() {
        TestReports r = clean2021().year(2022);
        r.active.clear();
        r.active("第二十条第（一）项", "规章", "本年制发件数", "1", "本年废止件数", "0", "现行有效件数", "3");
        r.active("第二十条第（一）项", "规范性文件", "本年制发件数", "2", "本年废止件数", "1", "现行有效件数", "13");
        r.active("第二十条第（五）项", "行政许可", "本年处理决定数量", "30");
        return r;
    }

    /** The 2020 report, 2019 format: 7 new, 1 carried over, 5 handled, 3 carried forward (into clean2021()). */
    static TestReports clean2019() {
        TestReports r = new TestReports(2020, TemplateVersion.T2019);
        r.row("NEW", 6, 1, 0, 0, 0, 0);
        r.row("CARRIED_OVER", 1, 0, 0, 0, 0, 0);
        r.row("DISCLOSED", 3, 0, 0, 0, 0, 0);
        r.row("PARTIAL", 1, 0, 0, 0, 0, 0);
        r.row("NOT_PROCESSED_1", 1, 0, 0, 0, 0, 0);
        r.row("RESULT_TOTAL", 5, 0, 0, 0, 0, 0);
        r.row("CARRY_FORWARD", 2, 1, 0, 0, 0, 0);
        r.active("第二十条第（一）项", "规章", "本年新制作数量", "0", "本年新公开数量", "0", "对外公开总数量", "0");
        r.active("第二十条第（一）项", "规范性文件", "本年新制作数量", "0", "本年新公开数量", "0", "对外公开总数量", "9");
        r.active("第二十条第（五）项", "行政许可", "上一年项目数量", "0", "本年增/减", "+1", "处理决定数量", "0");
        // A decrease is a legitimate negative number in the 2019 format.
        r.active("第二十条第（六）项", "行政处罚", "上一年项目数量", "5", "本年增/减", "-2", "处理决定数量", "297");
        r.active("第二十条第（八）项", "行政事业性收费", "上一年项目数量", "0", "本年增/减", "0");
        r.active("第二十条第（九）项", "政府集中采购", "采购项目数量", "63", "采购总金额（万元）", "285.2050");
        r.requestClaims(7, 1, 3, 1, 0, 0, 1, 3);
        return r;
    }

    // --- defects ---

    TestReports year(int newYear) {
        this.year = newYear;
        this.title = AGENCY + newYear + "年政府信息公开工作年度报告";
        return this;
    }

    TestReports template(TemplateVersion newTemplate) {
        this.template = newTemplate;
        return this;
    }

    TestReports agencyFrom(AgencySource source, String printedTitle) {
        this.agencySource = source;
        this.title = printedTitle;
        return this;
    }

    /** Section 五's text as the parser keeps it (null: not found). */
    TestReports problems(String text) {
        this.problems = text;
        return this;
    }

    /** A 0 printed as a dash, slash or 无 (the parser reads it as 0). */
    TestReports zeroNotation(String code, int column, String printed) {
        cells.get(code)[column] = 0L;
        raw.get(code)[column] = printed;
        return this;
    }

    TestReports feeStatement(String statement) {
        this.feeStatement = statement;
        return this;
    }

    /** Sets one request-table cell (column index as in RequestTable.COLUMNS), leaving the totals as they were. */
    TestReports cell(String code, int column, long value) {
        cells.get(code)[column] = value;
        raw.get(code)[column] = Long.toString(value);
        return this;
    }

    /** A cell printed as nothing (here: a non-breaking space, as real reports have). */
    TestReports blank(String code, int column) {
        return unreadable(code, column, "\u00A0");
    }

    /** A cell the parser could read no number from: null with its printed text. */
    TestReports unreadable(String code, int column, String printed) {
        cells.get(code)[column] = null;
        raw.get(code)[column] = printed;
        return this;
    }

    TestReports label(String code, String printed) {
        labels.put(code, printed);
        return this;
    }

    TestReports removeRow(String code) {
        cells.remove(code);
        return this;
    }

    TestReports removeSection(int number) {
        sections.removeIf(s -> s.getNumber() == number);
        return this;
    }

    TestReports heading(int number, Numbering numbering, String printed) {
        sections.replaceAll(s -> s.getNumber() == number ? new SectionHeading(number, printed, numbering, s.getOffset()) : s);
        return this;
    }

    TestReports review(ReviewGroupKind kind, Long upheld, Long corrected, Long other, Long pending, Long total) {
        review.replaceAll(g -> g.getGroup() == kind ? new ReviewGroup(kind, upheld, corrected, other, pending, total) : g);
        return this;
    }

    /** Sets one section-2 cell by row name and header; value is parsed from the printed text, null if unreadable. */
    TestReports activeCell(String name, String header, String printed) {
        for (ActiveDisclosureRow row : active) {
            if (row.getName().equals(name)) {
                row.getCells().replaceAll(c -> c.getHeader().equals(header) ? activeCell(header, printed) : c);
            }
        }
        return this;
    }

    TestReports claim(ClaimKind kind, long value, String phrase) {
        claims.add(new NarrativeClaim(kind, value, phrase, 100 + claims.size(), List.of()));
        return this;
    }

    TestReports clearClaims() {
        claims.clear();
        return this;
    }

    /** An ACTIVE_TOTAL claim with its parts, given as label, value, label, value… */
    TestReports activeTotal(long total, String phrase, Object... parts) {
        List<ClaimPart> list = new ArrayList<>();
        for (int i = 0; i < parts.length; i += 2) {
            list.add(new ClaimPart((String) parts[i], ((Number) parts[i + 1]).longValue()));
        }
        claims.add(new NarrativeClaim(ClaimKind.ACTIVE_TOTAL, total, phrase, 50, list));
        return this;
    }

    TestReports warning(String code, int section, String row, String column, String message) {
        warnings.add(new ParseWarning(code, section, row, column, message));
        return this;
    }

    TestReports with(Consumer<TestReports> change) {
        change.accept(this);
        return this;
    }

    DisclosureReport build() {
        List<RequestRow> rows = new ArrayList<>();
        cells.forEach((code, values) -> rows.add(new RequestRow(code, labels.get(code), Arrays.asList(values.clone()),
                Arrays.asList(raw.get(code).clone()), List.of())));
        ReportVersion version = ReportVersion.newBuilder().setSha256("ab".repeat(32)).setReceivedAt(java.time.Instant.ofEpochMilli(1_700_000_000_000L))
                .setSubmissionId("sub-" + year).setSource("test://" + year).build();
        return DisclosureReport.newBuilder()
                .setReportId(AGENCY + "|" + year + "|abababababab")
                .setAgency(AGENCY).setAgencySource(agencySource).setYear(year).setTemplate(template).setTitle(title)
                .setVersion(version).setSections(new ArrayList<>(sections)).setActiveDisclosure(copy(active))
                .setRequestTable(rows).setReview(new ArrayList<>(review)).setFeeStatement(feeStatement).setProblemsStatement(problems)
                .setClaims(new ArrayList<>(claims)).setWarnings(new ArrayList<>(warnings))
                .build();
    }

    // --- fixture construction ---

    /** Sets a whole request-table row from its six applicant columns; 总计 is their sum. */
    private void row(String code, long... applicants) {
        Long[] values = new Long[7];
        String[] printed = new String[7];
        long total = 0;
        for (int c = 0; c < 6; c++) {
            values[c] = applicants[c];
            total += applicants[c];
        }
        values[6] = total;
        for (int c = 0; c < 7; c++) {
            printed[c] = Long.toString(values[c]);
        }
        cells.put(code, values);
        raw.put(code, printed);
    }

    private void requestClaims(long fresh, long carried, long disclosed, long partial, long withheld, long unable,
            long notProcessed, long forward) {
        claim(ClaimKind.NEW_REQUESTS, fresh, "新收依申请公开" + fresh + "件");
        claim(ClaimKind.CARRIED_OVER, carried, "上年结转" + carried + "件");
        claim(ClaimKind.DISCLOSED, disclosed, "予以公开" + disclosed + "件");
        claim(ClaimKind.PARTIAL, partial, "部分公开" + partial + "件");
        claim(ClaimKind.WITHHELD, withheld, "不予公开" + withheld + "件");
        claim(ClaimKind.UNABLE, unable, "无法提供" + unable + "件");
        claim(ClaimKind.NOT_PROCESSED, notProcessed, "不予处理" + notProcessed + "件");
        claim(ClaimKind.CARRY_FORWARD, forward, "结转下年度继续办理" + forward + "件");
    }

    /** Cells given as header, printed, header, printed… */
    private void active(String item, String name, String... headersAndValues) {
        List<ActiveDisclosureCell> list = new ArrayList<>();
        for (int i = 0; i < headersAndValues.length; i += 2) {
            list.add(activeCell(headersAndValues[i], headersAndValues[i + 1]));
        }
        active.add(new ActiveDisclosureRow(item, name, list));
    }

    private static ActiveDisclosureCell activeCell(String header, String printed) {
        Double value;
        try {
            value = Double.valueOf(printed.trim());
        } catch (NumberFormatException e) {
            value = null;
        }
        return new ActiveDisclosureCell(header, value, printed.trim());
    }

    private static List<ActiveDisclosureRow> copy(List<ActiveDisclosureRow> rows) {
        List<ActiveDisclosureRow> out = new ArrayList<>();
        for (ActiveDisclosureRow row : rows) {
            out.add(new ActiveDisclosureRow(row.getItem(), row.getName(), new ArrayList<>(row.getCells())));
        }
        return out;
    }

    /** Labels as the sample reports print them: sub-rows carry only their number and reason. */
    private static String label(String code) {
        switch (code) {
            case "NEW": return "一、本年新收政府信息公开申请数量";
            case "CARRIED_OVER": return "二、上年结转政府信息公开申请数量";
            case "DISCLOSED": return "（一）予以公开";
            case "PARTIAL": return "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
            case "OTHER": return "（六）其他处理";
            case "RESULT_TOTAL": return "（七）总计";
            case "CARRY_FORWARD": return "四、结转下年度继续办理";
            default: return code.substring(code.lastIndexOf('_') + 1) + ".原因";
        }
    }
}
