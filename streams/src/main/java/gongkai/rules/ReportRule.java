package gongkai.rules;

import java.util.List;

import gongkai.avro.DisclosureReport;

/** A rule that needs one report only. */
public interface ReportRule {
    String id();

    List<Finding> check(DisclosureReport report);
}
