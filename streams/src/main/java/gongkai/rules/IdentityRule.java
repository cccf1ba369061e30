package gongkai.rules;

import java.util.ArrayList;
import java.util.List;

import gongkai.avro.DisclosureReport;

/**
 * An arithmetic rule: the identities it states about a report's tables must hold. An identity that fails only
 * because a cell was left blank is the blank-cell note's business (R-CELL-01, which asks every identity rule), not
 * an error here.
 */
abstract class IdentityRule implements ReportRule {

    /** The identities of this rule in one report, in table order, one per place. */
    abstract List<Identity> identities(DisclosureReport report);

    @Override
    public final List<Finding> check(DisclosureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Identity identity : identities(report)) {
            if (!identity.holds() && !identity.failsOnlyOnBlanks()) {
                findings.add(identity.finding(info(), RequestRows.labelled(report, identity.place())));
            }
        }
        return findings;
    }
}
