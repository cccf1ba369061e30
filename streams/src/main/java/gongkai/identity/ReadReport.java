package gongkai.identity;

import gongkai.avro.DisclosureReport;

/**
 * A report on its way through the identify step: what identification needs (report id, agency as written, year) and
 * the report itself, either still as the Confluent-wire Avro bytes it arrived in ({@code wire}) or decoded. Exactly one
 * of the two is set. See {@link ReadReportSerde} for why the bytes are kept.
 */
public record ReadReport(String reportId, String agency, int year, byte[] wire, DisclosureReport decoded) {
    public ReadReport {
        if ((wire == null) == (decoded == null)) {
            throw new IllegalArgumentException("a read report is either its bytes or decoded, not both or neither");
        }
    }

    public static ReadReport of(DisclosureReport report) {
        return new ReadReport(report.getReportId(), report.getAgency(), report.getYear(), null, report);
    }
}
