package gongkai.topology;

import java.time.Instant;
import java.util.function.Supplier;

import gongkai.continuity.ComplianceProcessor;
import gongkai.intake.ParseSubmissionProcessor;
import gongkai.intake.SubmissionWindow;
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
 * The monitor's topology, in two steps joined by the parsed-reports topic:
 *
 * <pre>
 * submissions ──parse──▶ parsed reports (key = agency) ──compliance──▶ alert events
 * roster (key = agency) ──────────────────────────────────────┤
 *                 └────▶ rejected (dead letter)             │    ├──▶ open alerts (compacted)
 *                                                           │    └──▶ verdicts (compacted)
 *                                             stores: reports by agency|year, open alerts by key
 * </pre>
 *
 * The parsed-reports topic is the repartition point: keyed by agency, it brings every year of an
 * agency to one task, which the continuity checks need.
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
        t.addSink(ParseSubmissionProcessor.PARSED, topics.parsed(), keys,
                new BoundedSerializer<>(serdes.reports().serializer(), maxValue), "parse");
        t.addSink(ParseSubmissionProcessor.REJECTED, topics.rejected(), keys,
                new BoundedSerializer<>(serdes.rejected().serializer(), maxValue), "parse");

        t.addSource("parsed-reports", new StringDeserializer(), serdes.reports().deserializer(), topics.parsed());
        t.addSource("roster", new StringDeserializer(), serdes.roster().deserializer(), topics.roster());
        t.addProcessor("compliance", () -> new ComplianceProcessor(rules, clock), "parsed-reports", "roster");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.ROSTER_STORE),
                Serdes.String(), serdes.roster()), "compliance");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.REPORTS_STORE),
                Serdes.String(), serdes.reports()), "compliance");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ComplianceProcessor.ALERTS_STORE),
                Serdes.String(), serdes.alerts()), "compliance");
        t.addSink(ComplianceProcessor.ALERT_EVENTS, topics.alertEvents(), keys, serdes.alerts().serializer(), "compliance");
        t.addSink(ComplianceProcessor.OPEN_ALERTS, topics.openAlerts(), keys, serdes.alerts().serializer(), "compliance");
        t.addSink(ComplianceProcessor.VERDICTS, topics.verdicts(), keys, serdes.verdicts().serializer(), "compliance");
        return t;
    }
}
