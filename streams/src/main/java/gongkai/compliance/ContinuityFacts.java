package gongkai.compliance;

import java.util.List;

import gongkai.avro.DisclosureReport;
import gongkai.report.RequestTable;

/**
 * What the store keeps of each agency's report for a year: identity, version and the figures that the
 * continuity rules compare across years (section 3's 上年结转 and 结转下年度 rows, section 2's table),
 * in the same {@code DisclosureReport} shape so those rules read it unchanged. The rest of a report
 * (narrative, warnings, every other row) is needed only when that report itself is checked, which
 * happens once, on arrival; keeping it out makes the state a fraction of the size and every
 * neighbour lookup cheap.
 */
final class ContinuityFacts {
    private static final List<String> ROWS = List.of(RequestTable.CARRIED_OVER, RequestTable.CARRY_FORWARD);

    private ContinuityFacts() {
    }

    static DisclosureReport of(DisclosureReport full) {
        return DisclosureReport.newBuilder(full)
                .setRequestTable(full.getRequestTable().stream().filter(r -> ROWS.contains(r.getCode())).toList())
                .setSections(List.of())
                .setReview(List.of())
                .setClaims(List.of())
                .setWarnings(List.of())
                .setFeeStatement(null)
                .build();
    }
}
