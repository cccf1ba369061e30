package gongkai.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import gongkai.avro.DisclosureReport;

/** Counts the text states: found wherever the report states them, and only when they are the report's own figure. */
class NarrativeClaimsTest {
    private final ReportParser parser = new ReportParser();

    private DisclosureReport fengtaiWithSentence(String anchor, String sentence) throws Exception {
        String text = Samples.text("fengtai-changxindian-2020");
        int at = text.indexOf(anchor) + anchor.length();
        return parser.parse((text.substring(0, at) + "\n" + sentence + "\n" + text.substring(at)).getBytes(StandardCharsets.UTF_8), "fengtai.txt");
    }

    private static List<String> claims(DisclosureReport r) {
        return r.getClaims().stream().map(c -> c.getKind() + " " + c.getValue()).toList();
    }

    @Test
    void claimsInSection3sOwnProseAreFound() throws Exception {
        DisclosureReport r = fengtaiWithSentence("三、收到和处理政府信息公开申请情况",
                "本年度新收政府信息公开申请18件，结转下年度继续办理1件。");
        List<String> claims = claims(r);
        assertEquals(true, claims.contains("NEW_REQUESTS 18") && claims.contains("CARRY_FORWARD 1"), claims.toString());
    }

    @Test
    void oneFigureForTwoRowsIsNoClaimAboutEither() throws Exception {
        DisclosureReport r = fengtaiWithSentence("三、收到和处理政府信息公开申请情况",
                "办结依申请公开81件，其中：予以公开及部分公开42件，不予公开5件。");
        List<String> claims = claims(r);
        assertEquals(false, claims.stream().anyMatch(c -> c.endsWith(" 42")), claims.toString());
        assertEquals(true, claims.contains("WITHHELD 5"), claims.toString());
    }

    @Test
    void aCountOfANarrowerSubjectIsNotComparedWithTheWholeTable() throws Exception {
        DisclosureReport r = fengtaiWithSentence("三、收到和处理政府信息公开申请情况",
                "镇政府办代表镇政府受理政府信息公开申请17件。全镇共收到政府信息公开申请18件。");
        List<String> claims = claims(r);
        assertEquals(true, claims.contains("NEW_REQUESTS 18") && !claims.contains("NEW_REQUESTS 17"), claims.toString());
    }
}
