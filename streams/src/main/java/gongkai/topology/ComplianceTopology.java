package gongkai.topology;

import java.time.Instant;
import java.util.function.Supplier;

import gongkai.topics.MonitorSerdes;
import gongkai.compliance.ComplianceProcessor;
import gongkai.identity.AgencyIdentityProcessor;
import gongkai.identity.ReadReportSerde;
import gongkai.identity.RosterNamesUpdater;
import gongkai.identity.StemPartitioner;
import gongkai.intake.ParseSubmissionProcessor;
import gongkai.topics.SubmissionWindow;
import gongkai.parse.ReportParser;
import gongkai.rules.RuleCatalog;
import gongkai.topics.RecordLimits;
import gongkai.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The monitor's topology, in three steps joined by topics:
 *
 * <pre>
 * submissions ──parse──▶ reports read (partitioned by name stem) ──identify──▶ parsed reports (key = agency) ──compliance──▶ alert events
 *        └──▶ rejected (dead letter)          roster names (global) ──┘          roster (key = agency) ──┤    ├──▶ open alerts
 *                                                 store: names seen by stem       └──▶ roster names    │    └──▶ verdicts
 *                                                                    reviews (key = agency) ──┘
 *                                   stores: reports by agency|year, content hashes seen, open alerts, reviews by alert key
 * </pre>
 *
 * The identify step files each report under its agency however the title wrote the name ("朝阳区…" one year,
 * "北京市朝阳区…" the next; {@link gongkai.identity.AgencyIdentity}). The parsed-reports topic is then the
 * repartition point: keyed by agency, it brings every year of an agency to one task, which the continuity
 * checks need.
 */
public final class ComplianceTopology {
    private ComplianceTopology() {
    }

    public static Topology build(Topics topics, MonitorSerdes serdes, ReportParser parser, RuleCatalog rules) {
        return build(topics, serdes, parser, rules, SubmissionWindow.ALL);
    }

    public static Topology build(Topics topics, MonitorSerdes serdes, ReportParser parser, RuleCatalog rules, SubmissionWindow window) {
        // In a replay "now" is the end of the window, so the roster check answers as it would have then.
        Supplier<Instant> clock = window.until() == null ? Instant::now
                : () -> Instant.now().isBefore(window.until()) ? Instant.now() : window.until();
        return build(topics, serdes, parser, rules, window, clock);
    }

    /** @param clock "now" for the roster check (R-MISS-01) */
    public static Topology build(Topics topics, MonitorSerdes serdes, ReportParser parser, RuleCatalog rules, SubmissionWindow window,
                                 Supplier<Instant> clock) {
        Topology t = new Topology();
        StringSerializer keys = new StringSerializer();
        long maxValue = new RecordLimits(parser.maxBytes()).maxValueBytes();

        t.addSource("submissions", new StringDeserializer(), serdes.submissions().deserializer(), topics.submissions());
        t.addProcessor("parse", () -> new ParseSubmissionProcessor(parser, window), "submissions");
        t.addSink(ParseSubmissionProcessor.PARSED, topics.read(), keys,
                new BoundedSerializer<>(serdes.reports().serializer(), maxValue), new StemPartitioner(), "parse");
        t.addSink(ParseSubmissionProcessor.REJECTED, topics.rejected(), keys,
                new BoundedSerializer<>(serdes.rejected().serializer(), maxValue), "parse");

        // Every way of writing one agency's name meets here (partitioned by stem) and leaves under one name.
        ReadReportSerde read = new ReadReportSerde(serdes.reports(), topics.read());
        t.addSource("read-reports", new StringDeserializer(), read.deserializer(), topics.read());
        t.addProcessor("identify", () -> new AgencyIdentityProcessor(read), "read-reports");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AgencyIdentityProcessor.NAMES_STORE),
                Serdes.String(), Serdes.String()), "identify");
        t.addSink("identified-sink", topics.parsed(), keys, new BoundedSerializer<>(read.serializer(), maxValue), "identify");
        t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(AgencyIdentityProcessor.ROSTER_NAMES_STORE),
                        Serdes.String(), serdes.roster()).withLoggingDisabled(),
                "roster-names", new StringDeserializer(), serdes.roster().deserializer(), topics.rosterNames(),
                "roster-names-update", RosterNamesUpdater::new);

        t.addSource("parsed-reports", new StringDeserializer(), serdes.reports().deserializer(), topics.parsed());
        t.addSource("roster", new StringDeserializer(), serdes.roster().deserializer(), topics.roster());
        t.addSource("reviews", new StringDeserializer(), serdes.reviews().deserializer(), topics.reviews());
        t.addProcessor("compliance", () -> new ComplianceProcessor(rules, clock, window), "parsed-reports", "roster", "reviews");
        // The roster topic feeds the compliance step partition by partition; its copy feeds every identity task whole.
        t.addSink("roster-names-sink", topics.rosterNames(), keys, serdes.roster().serializer(), "roster");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.ROSTER_STORE),
                Serdes.String(), serdes.roster()), "compliance");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.REPORTS_STORE),
                Serdes.String(), serdes.reports()), "compliance");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.SEEN_STORE),
                Serdes.String(), Serdes.Long()), "compliance");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.ALERTS_STORE),
                Serdes.String(), serdes.alerts()), "compliance");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.REVIEWS_STORE),
                Serdes.String(), serdes.reviews()), "compliance");
        t.addSink(ComplianceProcessor.ALERT_EVENTS, topics.alertEvents(), keys,
                gongkai.metrics.MonitorMetrics.countingAlertEvents(serdes.alerts().serializer()), "compliance");
        t.addSink(ComplianceProcessor.OPEN_ALERTS, topics.openAlerts(), keys, serdes.alerts().serializer(), "compliance");
        t.addSink(ComplianceProcessor.VERDICTS, topics.verdicts(), keys, serdes.verdicts().serializer(), "compliance");
        return t;
    }
}
