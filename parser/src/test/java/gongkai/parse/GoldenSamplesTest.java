package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import gongkai.avro.ActiveDisclosureCell;
import gongkai.avro.ActiveDisclosureRow;
import gongkai.avro.ClaimKind;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.avro.ParseWarning;
import gongkai.avro.RequestRow;
import gongkai.report.RequestTable;

class GoldenSamplesTest {
    private final ReportParser parser = new ReportParser();

    static List<String> samples() {
        return Samples.NAMES;
    }

    private DisclosureReport parse(String name) throws ReportRejectedException {
        return parser.parse(Samples.bytes(name), name + ".txt");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyCellMatchesTheHandWrittenGoldenFile(String name) throws Exception {
        assertEquals(String.join("\n", Golden.expected(name)), String.join("\n", Golden.actual(parse(name))));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void numbersAgreeWithTheirRawText(String name) throws Exception {
        DisclosureReport r = parse(name);
        for (ActiveDisclosureRow row : r.getActiveDisclosure()) {
            for (ActiveDisclosureCell c : row.getCells()) {
                assertEquals(Double.parseDouble(c.getRaw()), c.getValue(), 1e-9, row.getName() + " " + c.getHeader());
            }
        }
        for (RequestRow row : r.getRequestTable()) {
            assertEquals(7, row.getCells().size());
            assertEquals(7, row.getRaw().size());
        }
        assertEquals(RequestTable.rowCodes(r.getTemplate()), r.getRequestTable().stream().map(RequestRow::getCode).toList());
        assertTrue(r.getReportId().startsWith(r.getAgency() + "|" + r.getYear() + "|"));
        assertEquals(r.getVersion().getSha256().substring(0, 12), r.getReportId().substring(r.getReportId().lastIndexOf('|') + 1));
    }

    @Test
    void fengtaiNarrativeClaimsKeepPhraseAndOffset() throws Exception {
        DisclosureReport r = parse("fengtai-changxindian-2020");
        String text = Samples.text("fengtai-changxindian-2020");
        NarrativeClaim newRequests = claim(r, ClaimKind.NEW_REQUESTS);
        assertEquals("新收依申请公开13件", newRequests.getPhrase());
        assertEquals(newRequests.getPhrase(), text.substring(newRequests.getOffset(), newRequests.getOffset() + newRequests.getPhrase().length()));
        assertEquals("2019年结转依申请信息公开13件", claim(r, ClaimKind.CARRIED_OVER).getPhrase());
        assertEquals(18L, RequestTable.cell(r, RequestTable.NEW, RequestTable.TOTAL_COLUMN), "the table says 18 where the text says 13");
        assertTrue(r.getWarnings().isEmpty(), r.getWarnings().toString());
        assertNull(r.getFeeStatement());
        String heading = r.getSections().get(2).getHeading();
        assertEquals(heading, text.substring(r.getSections().get(2).getOffset(), r.getSections().get(2).getOffset() + heading.length()));
    }

    @Test
    void miyunActiveTotalListsPartsSummingTo182() throws Exception {
        NarrativeClaim active = claim(parse("miyun-mujiayu-2020"), ClaimKind.ACTIVE_TOTAL);
        assertEquals(183, active.getValue());
        assertEquals(182, active.getParts().stream().mapToLong(p -> p.getValue()).sum());
    }

    @Test
    void chaoyangHasArabicHeadingsAndAFeeStatement() throws Exception {
        DisclosureReport r = parse("chaoyang-jinzhan-2021");
        assertEquals("发出收费通知的件数和总金额以及实际收取的总金额均为0。", r.getFeeStatement());
        List<ParseWarning> irregular = warnings(r, "IRREGULAR_NUMBERING");
        assertEquals(List.of(2, 3), irregular.stream().map(ParseWarning::getSection).toList());
    }

    @Test
    void anfengAgencyIsInferredFromTheBody() throws Exception {
        DisclosureReport r = parse("anfeng-2020");
        assertEquals(1, warnings(r, "AGENCY_INFERRED").size());
        assertEquals(6, warnings(r, "IRREGULAR_NUMBERING").get(0).getSection());
        assertTrue(r.getClaims().isEmpty());
    }

    @Test
    void daxingBlankCellsAreNullWithOneWarningPerColumn() throws Exception {
        DisclosureReport r = parse("daxing-yinghai-2023");
        List<ParseWarning> blanks = warnings(r, "BLANK_CELL");
        assertEquals(RequestTable.COLUMNS, blanks.stream().map(ParseWarning::getColumn).toList());
        assertTrue(blanks.stream().allMatch(w -> w.getSection() == 3 && "OTHER_3".equals(w.getRow())));
        assertNotNull(r.getFeeStatement());
        assertEquals("受理依申请公开16件", claim(r, ClaimKind.NEW_REQUESTS).getPhrase());
    }

    @Test
    void agencyHintComesBeforeTheTitleAndBeforeTheBody() throws Exception {
        var named = SubmissionFactory.of(Samples.bytes("fengtai-changxindian-2020"), "x.txt", "长辛店镇人民政府");
        assertEquals("长辛店镇人民政府", parser.parse(named).getAgency(), "the crawler's seed list names the agency as it tracks it");
        assertEquals("TITLE", parser.parse(named).getAgencySource().name(), "the title names it too, with its prefixes");
        var unnamed = SubmissionFactory.of(Samples.bytes("anfeng-2020"), "x.txt", "东台市安丰镇人民政府");
        assertEquals("东台市安丰镇人民政府", parser.parse(unnamed).getAgency(), "rather than the body's 安丰镇");
    }

    static NarrativeClaim claim(DisclosureReport r, ClaimKind kind) {
        return r.getClaims().stream().filter(c -> c.getKind() == kind).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " claim"));
    }

    static List<ParseWarning> warnings(DisclosureReport r, String code) {
        return r.getWarnings().stream().filter(w -> w.getCode().equals(code)).toList();
    }
}
