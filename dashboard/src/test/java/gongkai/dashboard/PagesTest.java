package gongkai.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import gongkai.watch.AlertTable;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReportSubmission;
import gongkai.submit.Submissions;
import gongkai.topology.TopologyHarness;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages over what the real topology writes (TopologyTestDriver): the 2021 report and the crafted 2022
 * report whose 上年结转 breaks the chain, folded into the view as the live consumer folds them.
 */
class PagesTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final String CHAOYANG = "北京市朝阳区金盏乡人民政府";

    @TempDir
    Path stateDir;
    @AutoClose
    private TopologyHarness harness;
    private final ViewState state = new ViewState();

    @BeforeEach
    void run() throws Exception {
        harness = TopologyHarness.start(stateDir);
        Instant clock = Instant.parse("2023-01-10T00:00:00Z");
        for (String name : List.of("chaoyang-jinzhan-2021.txt", "crafted/chaoyang-jinzhan-2022.txt")) {
            clock = clock.plusSeconds(60);
            byte[] content = Files.readAllBytes(SAMPLES.resolve(name));
            ReportSubmission s = Submissions.of(content, name, "test", "text/plain", null, null, clock);
            harness.submissions().pipeInput(name, s, clock);
        }
        harness.parsed().readValuesToList().forEach(state::report);
        harness.alertEvents().readValuesToList().forEach(state::alertEvent);
        harness.openAlerts().readKeyValuesToList().forEach(kv -> state.openAlert(kv.key, kv.value));
        harness.verdicts().readKeyValuesToList().forEach(kv -> state.verdict(kv.key, kv.value));
    }

    @Test
    void agencyPageMarksTheTwoCellsEachContinuityAlertCompares() {
        Document page = Jsoup.parse(AgencyPage.render(state, CHAOYANG));
        Element pair = page.getElementById("y2022");
        List<Element> links = pair.select("li.continuity-link");
        assertEquals(2, links.size(), "商业企业 and 总计 break the chain");
        for (Element link : links) {
            Element from = pair.selectFirst("table[data-report=" + q(link.attr("data-from-report")) + "] td[data-cell=" + q(link.attr("data-from-cell")) + "]");
            Element to = pair.selectFirst("table[data-report=" + q(link.attr("data-to-report")) + "] td[data-cell=" + q(link.attr("data-to-cell")) + "]");
            assertTrue(from.hasClass("alert-cell") && to.hasClass("alert-cell"), link.toString());
            assertEquals("CARRY_FORWARD", from.parent().attr("data-row"));
            assertEquals("CARRIED_OVER", to.parent().attr("data-row"));
            assertTrue(link.attr("data-from-report").contains("|2021|") && link.attr("data-to-report").contains("|2022|"), link.toString());
            assertEquals("3", from.text(), "2021 carried 3 forward");
            assertEquals("2", to.text(), "2022 says 2 were carried over");
            assertTrue(to.attr("title").contains("上年结转") && to.attr("title").contains("carried over"), "the cell shows the bilingual message: " + to);
        }
        assertEquals(2, pair.select("tr.carried-over").size(), "上年结转 highlighted in both years");
        assertEquals(2, pair.select("tr.carry-forward").size(), "结转下年度 highlighted in both years");
        assertTrue(page.select("ol.versions li").text().contains("raised"), "versions say what they raised");
    }

    @Test
    void reportPageShowsTheAlertsWithTheCellsTheyCompare() {
        String id = state.versions(CHAOYANG).stream().filter(r -> r.getYear() == 2022).findFirst().orElseThrow().getReportId();
        Document page = Jsoup.parse(ReportPage.render(state, state.report(id).orElseThrow()));
        assertEquals(2, page.select("table.s3 tr[data-row=CARRIED_OVER] td.alert-cell").size());
        Element alert = page.select("article.alert").stream().filter(e -> e.text().contains("R-CONT-01") && e.text().contains("总计")).findFirst().orElseThrow();
        assertTrue(alert.text().contains("Section 3, row 二 carried over, column total: this report says 2"), alert.text());
        // The cells on each side with their values: from the alert's own cell lists, or from its place where a rule gives none.
        assertTrue(alert.text().contains("3 · CARRY_FORWARD · 总计 = 3"), alert.text());
        assertTrue(alert.text().contains("3 · CARRIED_OVER · 总计 = 2"), alert.text());
        assertEquals(64, page.selectFirst("code.sha").text().length());
        assertTrue(page.text().contains("submitted by") && page.select("dd").stream().anyMatch(dd -> dd.text().equals("test")),
                "the submitter of the version is shown");
    }

    @Test
    void aPartOfANameListsTheAgenciesThatContainIt() {
        Document page = Jsoup.parse(AgencyPage.render(state, "金盏"));
        assertEquals(CHAOYANG, page.selectFirst("main ul li a").text());
        assertTrue(Jsoup.parse(AgencyPage.render(state, "不存在")).text().contains("No report of this agency"));
    }

    private static String q(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void overviewCountsAndFiltersTheStandingAlerts() {
        List<ComplianceAlert> open = state.openAlerts();
        Document page = Jsoup.parse(OverviewPage.render(open, AlertQuery.parse("rule=R-CONT-01"), true));
        long errors = open.stream().filter(a -> a.getSeverity().name().equals("ERROR")).count();
        assertEquals(Long.toString(errors), page.selectFirst("[data-count=ERROR]").text());
        assertEquals(2, page.select("table.alerts tbody tr").size());
        assertTrue(page.select("table.alerts tbody tr").stream().allMatch(tr -> tr.attr("data-rule").equals("R-CONT-01")));
        assertEquals("/export.csv?rule=R-CONT-01", page.getElementById("export-csv").attr("href"));
    }

    @Test
    void exportsGiveTheFilteredAlertsAsCsvAndXlsx() throws Exception {
        List<ComplianceAlert> shown = AlertQuery.parse("rule=R-CONT-01").apply(state.openAlerts());
        String csv = new String(Exports.csv(shown), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"), "a BOM, so Excel reads UTF-8");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(2, rows.size());
        assertEquals(CHAOYANG, rows.get(0).get("agency"));
        assertEquals("R-CONT-01", rows.get(0).get("ruleId"));
        assertTrue(rows.get(0).get("messageZh").contains("上年结转"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Exports.xlsx(shown)))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(2, sheet.getLastRowNum());
            assertEquals(CHAOYANG, sheet.getRow(1).getCell(Exports.COLUMNS.indexOf("agency")).getStringCellValue());
            assertEquals(2022, (int) sheet.getRow(1).getCell(Exports.COLUMNS.indexOf("year")).getNumericCellValue());
        }
    }

    @Test
    void exportedCellsNeverRunAsFormulas() {
        assertEquals("'=HYPERLINK(\"x\")", AlertTable.noFormula("=HYPERLINK(\"x\")"));
        assertEquals("'@SUM(A1)", AlertTable.noFormula("@SUM(A1)"));
        assertEquals("-3", AlertTable.noFormula("-3"));
    }
}
