package gongkai.rules;

import static gongkai.avro.Severity.INFO;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import gongkai.avro.ClaimKind;
import gongkai.avro.ClaimPart;
import gongkai.avro.DisclosureReport;
import gongkai.avro.NarrativeClaim;
import gongkai.report.Place;

/** R-NAR-02: 主动公开183条，其中… — the parts the text lists must add up to the total it states. */
@RuleSpec(id = "R-NAR-02", kind = "narrative", severity = INFO,
        zh = "正文列举的各项之和与其所述总数不符", en = "the parts the text lists do not sum to the total it states")
public final class NarrativePartsRule implements ReportRule {
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
            Place place = Place.text(Text.plain(claim.getPhrase()));
            findings.putIfAbsent(place.key(), finding(place, Long.toString(sum), Long.toString(claim.getValue()),
                    place.zh() + "称主动公开共 " + claim.getValue() + "，但其后列出的各项 " + terms + " 合计 " + sum + "。",
                    place.en() + " states a proactive-disclosure total of " + claim.getValue() + ", but the parts it lists ("
                            + terms + ") sum to " + sum + "."));
        }
        return new ArrayList<>(findings.values());
    }
}
