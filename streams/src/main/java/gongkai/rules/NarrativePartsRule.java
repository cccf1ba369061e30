package gongkai.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import gongkai.avro.ClaimKind;
import gongkai.avro.ClaimPart;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;

/** R-NAR-02: 主动公开183条，其中… — the parts the text lists must add up to the total it states. */
public final class NarrativePartsRule implements ReportRule {
    private static final RuleInfo INFO = RuleDefinitions.NAR_02;

    @Override
    public String id() {
        return INFO.id();
    }

    @Override
    public List<Finding> check(DisclosureReport report) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        for (NarrativeClaim claim : report.getClaims()) {
            if (claim.getKind() != ClaimKind.ACTIVE_TOTAL || claim.getParts() == null || claim.getParts().isEmpty()) {
                continue;
            }
            long sum = 0;
            StringJoiner terms = new StringJoiner(" + ");
            for (ClaimPart part : claim.getParts()) {
                sum += part.getValue();
                terms.add(Text.plain(part.getLabel()) + " " + part.getValue());
            }
            if (sum == claim.getValue()) {
                continue;
            }
            String phrase = Text.plain(claim.getPhrase());
            Location location = new Location(1, phrase, null);
            findings.putIfAbsent(location.key(), INFO.finding(location, Long.toString(sum), Long.toString(claim.getValue()),
                    "第一部分文字“" + phrase + "”称主动公开共 " + claim.getValue() + "，但其后列出的各项 " + terms + " 合计 "
                            + sum + "。",
                    "Section 1 text \"" + phrase + "\" states a proactive-disclosure total of " + claim.getValue()
                            + ", but the parts it lists (" + terms + ") sum to " + sum + "."));
        }
        return new ArrayList<>(findings.values());
    }
}
