package gongkai.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gongkai.identity.AgencyIdentity.How;
import gongkai.identity.AgencyIdentity.Resolution;
import gongkai.identity.AgencyIdentity.RosterNames;

class AgencyIdentityTest {
    static final String JINZHAN = "北京市朝阳区金盏乡人民政府";
    static final String BEIJING_CHAOYANG = "北京市朝阳区人民政府";
    static final String CHANGCHUN_CHAOYANG = "长春市朝阳区人民政府";

    /** Resolves names in order, remembering each as the processor does. */
    private static List<Resolution> inOrder(List<RosterNames> roster, String... names) {
        Map<String, String> seen = new LinkedHashMap<>();
        return java.util.Arrays.stream(names).map(n -> {
            Resolution r = AgencyIdentity.resolve(n, roster, seen);
            seen.putIfAbsent(AgencyIdentity.normalise(n), r.canonical());
            return r;
        }).toList();
    }

    @Test
    void regionsInFrontAreStrippedDownToTheAgencysOwnPlace() {
        assertEquals("金盏乡", AgencyIdentity.stem(JINZHAN));
        assertEquals("金盏乡", AgencyIdentity.stem("朝阳区金盏乡人民政府"));
        assertEquals("金盏乡", AgencyIdentity.stem("朝阳区 金盏乡 人民政府"));
        assertEquals("金盏乡", AgencyIdentity.stem("金盏乡政府"), "人民政府, 政府 or nothing: one stem");
        assertEquals("朝阳区", AgencyIdentity.stem(BEIJING_CHAOYANG), "nothing named would remain after 朝阳区");
        assertEquals(AgencyIdentity.stem(BEIJING_CHAOYANG), AgencyIdentity.stem(CHANGCHUN_CHAOYANG), "they meet, to be told apart");
        assertEquals("朝阳区财政局", AgencyIdentity.stem("北京市朝阳区财政局"), "a department keeps its region");
        assertEquals("平潭综合实验区", AgencyIdentity.stem("福建省平潭综合实验区"));
        assertEquals("沙市区", AgencyIdentity.stem("湖北省荆州市沙市区人民政府"));
        assertEquals("姑苏区", AgencyIdentity.stem("江苏省苏州市姑苏区人民政府"), "苏州市 is one region, not 苏州 + 市…");
    }

    @Test
    void addingRegionsIsTheOnlyDifferenceAllowed() {
        assertTrue(AgencyIdentity.addsRegions(JINZHAN, "朝阳区金盏乡人民政府"));
        assertTrue(AgencyIdentity.addsRegions(JINZHAN, "金盏乡人民政府"));
        assertTrue(AgencyIdentity.addsRegions("北京市密云区穆家峪镇人民政府", "密云区穆家峪镇"), "人民政府 or not, the same town");
        assertFalse(AgencyIdentity.addsRegions(BEIJING_CHAOYANG, CHANGCHUN_CHAOYANG));
        assertFalse(AgencyIdentity.addsRegions(JINZHAN, "乡人民政府"), "金盏 is no region");
        assertFalse(AgencyIdentity.addsRegions("北京市朝阳区人民政府", "人民政府"), "a bare 人民政府 names no place");
        assertFalse(AgencyIdentity.addsRegions("北京市朝阳区财政局", "财政局"), "a bare department names no place");
        assertFalse(AgencyIdentity.addsRegions("北京市朝阳区金盏乡人民政府办公室", "朝阳区金盏乡人民政府"), "its office is another agency");
    }

    @Test
    void theTwoYearsOfJinzhanAreOneAgencyInEitherOrder() {
        List<Resolution> longFirst = inOrder(List.of(), JINZHAN, "朝阳区金盏乡人民政府");
        assertEquals(List.of(JINZHAN, JINZHAN), longFirst.stream().map(Resolution::canonical).toList());
        assertEquals(How.SEEN_PREFIX, longFirst.get(1).how());
        List<Resolution> shortFirst = inOrder(List.of(), "朝阳区金盏乡人民政府", JINZHAN, "金盏乡人民政府");
        assertEquals(List.of("朝阳区金盏乡人民政府", "朝阳区金盏乡人民政府", "朝阳区金盏乡人民政府"),
                shortFirst.stream().map(Resolution::canonical).toList(), "the first name seen stays the agency's");
    }

    @Test
    void beijingAndChangchunChaoyangAreNeverLinked() {
        List<Resolution> r = inOrder(List.of(), BEIJING_CHAOYANG, CHANGCHUN_CHAOYANG, "朝阳区人民政府", BEIJING_CHAOYANG, CHANGCHUN_CHAOYANG);
        assertEquals(List.of(BEIJING_CHAOYANG, CHANGCHUN_CHAOYANG, "朝阳区人民政府", BEIJING_CHAOYANG, CHANGCHUN_CHAOYANG),
                r.stream().map(Resolution::canonical).toList());
        assertEquals(How.AMBIGUOUS, r.get(2).how(), "the bare name could be either");
    }

    @Test
    void aBareNameLinksToTheOnlyKnownFullNameButNeverChainsTwoCities() {
        List<Resolution> r = inOrder(List.of(), "朝阳区人民政府", BEIJING_CHAOYANG, CHANGCHUN_CHAOYANG);
        assertEquals("朝阳区人民政府", r.get(1).canonical(), "exactly one full name extends the bare one");
        assertEquals(CHANGCHUN_CHAOYANG, r.get(2).canonical(), "Changchun does not join the cluster that holds Beijing");
        assertEquals(How.NEW, r.get(2).how());
    }

    @Test
    void theRosterAndItsAliasesDecideFirst() {
        List<RosterNames> roster = List.of(new RosterNames(JINZHAN, List.of("朝阳区金盏乡人民政府", "金盏乡")),
                new RosterNames(BEIJING_CHAOYANG, List.of()));
        assertEquals(new Resolution(JINZHAN, How.ROSTER), AgencyIdentity.resolve("金盏乡", roster, Map.of()));
        assertEquals(new Resolution(JINZHAN, How.ROSTER), AgencyIdentity.resolve("朝阳区金盏乡人民政府", roster, Map.of("朝阳区金盏乡人民政府", "朝阳区金盏乡人民政府")),
                "the roster wins over a name seen before it was on the roster");
        assertEquals(new Resolution(BEIJING_CHAOYANG, How.ROSTER_PREFIX), AgencyIdentity.resolve("朝阳区人民政府", roster, Map.of()));
        assertEquals(new Resolution(CHANGCHUN_CHAOYANG, How.NEW), AgencyIdentity.resolve(CHANGCHUN_CHAOYANG, roster, Map.of()));
        assertEquals(How.AMBIGUOUS, AgencyIdentity.resolve("朝阳区人民政府", roster, Map.of(CHANGCHUN_CHAOYANG, CHANGCHUN_CHAOYANG)).how(),
                "Beijing's on the roster, Changchun's was seen: the bare name is either");
    }
}
