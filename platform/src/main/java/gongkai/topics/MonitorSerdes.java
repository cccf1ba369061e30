package gongkai.topics;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.avro.ReportVerdict;
import gongkai.avro.RosterEntry;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryClient;

/** The serdes of every topic and store, wired explicitly against one registry. */
public record MonitorSerdes(AvroSerde<ReportSubmission> submissions, AvroSerde<DisclosureReport> reports,
                            AvroSerde<RejectedSubmission> rejected, AvroSerde<ComplianceAlert> alerts,
                            AvroSerde<ReportVerdict> verdicts, AvroSerde<RosterEntry> roster,
                            AvroSerde<AlertReview> reviews) {

    /** The serdes against the configured registry, registering schemas if {@code auto.register.schemas} says so. */
    public static MonitorSerdes forConfig(gongkai.config.MonitorConfig config) {
        return using(config.registryClient(), config.autoRegisterSchemas());
    }

    public static MonitorSerdes using(SchemaRegistryClient registry, boolean autoRegister) {
        return new MonitorSerdes(new AvroSerde<>(ReportSubmission.class, registry, autoRegister),
                new AvroSerde<>(DisclosureReport.class, registry, autoRegister),
                new AvroSerde<>(RejectedSubmission.class, registry, autoRegister),
                new AvroSerde<>(ComplianceAlert.class, registry, autoRegister),
                new AvroSerde<>(ReportVerdict.class, registry, autoRegister),
                new AvroSerde<>(RosterEntry.class, registry, autoRegister),
                new AvroSerde<>(AlertReview.class, registry, autoRegister));
    }
}
