package gongkai.rules;

import java.util.List;

import gongkai.avro.DisclosureReport;

/** A rule comparing a report with the same agency's report for the year before. */
public interface ContinuityRule extends Rule {
    /** @param previous the same agency's report for current.year - 1, or null if none has been received */
    List<Finding> check(DisclosureReport previous, DisclosureReport current);
}
