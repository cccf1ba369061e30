package gongkai.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.ReportSubmission;
import gongkai.avro.RosterEntry;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continuity across the ways a title writes one agency's name, and never across two agencies of the same district name. */
class AgencyIdentityTopologyTest {
    static final String JINZHAN = "北京市朝阳区金盏乡人民政府";

    @TempDir
    Path state;
    @AutoClose
    private TopologyHarness harness;
    private Instant clock = Instant.parse("2023-01-20T00:00:00Z");

    @BeforeEach
    void start() {
        harness = TopologyHarness.start(state);
    }

    /** The 2021 sample with its title's agency written another way. */
    private static byte[] year2021As(String agency) throws IOException {
        return retitle(ComplianceTopologyTest.sample("chaoyang-jinzhan-2021.txt"), JINZHAN + "2021年", agency + "2021年");
    }

    /** The crafted 2022 report (its 上年结转 set to {@code carriedOver}) with its title's agency written another way. */
    private static byte[] year2022As(String agency, int carriedOver) throws IOException {
        return retitle(ComplianceTopologyTest.chaoyang2022(carriedOver, 5), JINZHAN + "2022年", agency + "2022年");
    }

    private static byte[] retitle(byte[] content, String from, String to) {
        String text = new String(content, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), "the sample's title starts with " + from);
        return text.replaceFirst(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private void submit(byte[] content, String source) {
        clock = clock.plusSeconds(60);
        ReportSubmission s = ReportSubmission.newBuilder().setSubmissionId(UUID.randomUUID().toString())
                .setContent(ByteBuffer.wrap(content)).setSource(source).setSubmitter("test")
                .setReceivedAt(clock).setSha256(gongkai.text.Sha256.hex(content)).build();
        harness.submissions().pipeInput(source, s, clock);
    }

    private Map<String, List<String>> continuityEvents() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (ComplianceAlert a : harness.alertEvents().readValuesToList()) {
            if (a.getRuleId().startsWith("R-CONT-0")) {
                out.computeIfAbsent(a.getAgency() + " " + a.getYear() + " " + a.getRuleId(), k -> new java.util.ArrayList<>())
                        .add(a.getStatus() + " " + a.getLocation().getColumn());
            }
        }
        return out;
    }

    @Test
    void theTwoYearsOfJinzhanLinkAlthoughTheLaterTitleLeavesOutBeijing() throws IOException {
        submit(year2021As(JINZHAN), "2021.txt");
        submit(year2022As("朝阳区金盏乡人民政府", 2), "2022.txt");
        List<DisclosureReport> reports = harness.parsed().readValuesToList();
        assertEquals(List.of(JINZHAN, JINZHAN), reports.stream().map(DisclosureReport::getAgency).toList(),
                "the 2022 report is filed under the name the agency was first seen with");
        assertTrue(reports.get(1).getTitle().startsWith("朝阳区金盏乡人民政府2022年"), "the title stays as printed");
        Map<String, List<String>> raised = continuityEvents();
        assertEquals(Set.of("RAISED 商业企业", "RAISED 总计"), new TreeSet<>(raised.get(JINZHAN + " 2022 R-CONT-01")),
                "2021 carried 3 forward, 2022 (under its shorter name) carried 2 over: " + raised);
        assertTrue(!raised.containsKey(JINZHAN + " 2022 R-CONT-03"), "the previous year was found: " + raised);

        submit(year2022As("朝阳区金盏乡人民政府", 3), "2022-corrected.txt");
        Map<String, List<String>> resolved = continuityEvents();
        assertEquals(Set.of("RESOLVED 商业企业", "RESOLVED 总计"), new TreeSet<>(resolved.get(JINZHAN + " 2022 R-CONT-01")));
    }

    @Test
    void theLinkHoldsWhenTheShortNameArrivesFirst() throws IOException {
        submit(year2022As("朝阳区金盏乡人民政府", 2), "2022.txt");
        submit(year2021As(JINZHAN), "2021.txt");
        assertEquals(List.of("朝阳区金盏乡人民政府", "朝阳区金盏乡人民政府"), harness.parsed().readValuesToList().stream().map(DisclosureReport::getAgency).toList());
        Map<String, List<String>> e = continuityEvents();
        assertEquals(List.of("RAISED null", "RESOLVED null"), e.get("朝阳区金盏乡人民政府 2022 R-CONT-03"),
                "no previous year at first, then 2021 arrives under its longer name and is linked");
        assertEquals(Set.of("RAISED 商业企业", "RAISED 总计"), new TreeSet<>(e.get("朝阳区金盏乡人民政府 2022 R-CONT-01")));
    }

    @Test
    void theRosterAndItsAliasesNameTheAgency() throws IOException {
        harness.roster().pipeInput(JINZHAN, RosterEntry.newBuilder().setAgency(JINZHAN).setFirstYear(2021).setAddedAt(clock)
                .setAliases(List.of("朝阳区金盏乡人民政府", "金盏乡")).build());
        submit(year2022As("金盏乡", 3), "2022.txt");
        submit(year2021As("朝阳区金盏乡人民政府"), "2021.txt");
        assertEquals(List.of(JINZHAN, JINZHAN), harness.parsed().readValuesToList().stream().map(DisclosureReport::getAgency).toList(),
                "both filed under the roster's name although neither title writes it");
        Map<String, List<String>> e = continuityEvents();
        assertEquals(List.of("RAISED null", "RESOLVED null"), e.get(JINZHAN + " 2022 R-CONT-03"), "2021 arrived and linked: " + e);
        assertTrue(!e.containsKey(JINZHAN + " 2022 R-CONT-01"), "3 carried over = 3 carried forward");
    }

    @Test
    void chaoyangOfBeijingAndChaoyangOfChangchunAreNeverLinked() throws IOException {
        submit(year2021As("北京市朝阳区人民政府"), "bj-2021.txt");
        submit(year2022As("长春市朝阳区人民政府", 2), "cc-2022.txt");
        submit(year2022As("朝阳区人民政府", 2), "bare-2022.txt");
        assertEquals(List.of("北京市朝阳区人民政府", "长春市朝阳区人民政府", "朝阳区人民政府"),
                harness.parsed().readValuesToList().stream().map(DisclosureReport::getAgency).toList(),
                "the bare name could be either city's district: it is linked to neither");
        Map<String, List<String>> e = continuityEvents();
        assertTrue(e.keySet().stream().noneMatch(k -> k.contains("R-CONT-01")), "no carry-over compared across agencies: " + e);
        assertEquals(List.of("RAISED null"), e.get("长春市朝阳区人民政府 2022 R-CONT-03"));
    }
}
