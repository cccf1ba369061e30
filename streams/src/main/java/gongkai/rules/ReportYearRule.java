package gongkai.rules;

import static gongkai.avro.Severity.ERROR;

/**
 * R-ID-02: a report whose year cannot be determined is rejected. The parser decides it (a rejection, not an alert);
 * the rule is declared here so the catalog lists it and its severity can be configured like any other.
 */
@RuleSpec(id = "R-ID-02", kind = "identity", severity = ERROR,
        zh = "无法确定报告年度，报送被退回", en = "report year cannot be determined; the submission is rejected")
public final class ReportYearRule implements Rule {
}
