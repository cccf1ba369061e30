package gongkai.rules;

import java.util.List;

import gongkai.avro.DisclosureReport;

/** A rule that needs one report only. */
public interface ReportRule extends Rule {
    List<Finding> check(DisclosureReport report);
}
