package gongkai.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import gongkai.alerts.VerdictCalculator;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.Severity;
import gongkai.config.MonitorConfig;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import gongkai.watch.AlertFilter;
import gongkai.watch.AlertFormatter;
import gongkai.topics.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = {"What the supervising office watches: the alerts standing now (from the compacted open-alerts topic),",
                "filtered, worst first; with --follow, then every RAISED/RESOLVED event as it happens. Alerts the office",
                "dismissed ('./monitor review KEY --dismiss') are hidden unless --all.",
                "Example: ./monitor alerts --severity ERROR --agency 朝阳区 --follow"})
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--follow", description = "Keep running and print new alert events as they are committed.")
    boolean follow;

    @Option(names = "--severity", description = "Minimum severity: INFO, WARNING or ERROR. Default: ${DEFAULT-VALUE}.", defaultValue = "INFO")
    Severity severity;

    @Option(names = "--agency", description = "Only agencies whose name contains this text.")
    String agency;

    @Option(names = "--year", description = "Only this report year.")
    Integer year;

    @Option(names = "--rule", description = "Only this rule id, e.g. R-CONT-01.")
    String rule;

    @Option(names = "--all", description = "Also the alerts the office dismissed (hidden by default while their dismissal stands).")
    boolean all;

    @Mixin
    OutputFormat output;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = cluster.load();
        Topics topics = Topics.live();
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        AlertFilter filter = new AlertFilter(severity, agency, year, rule);
        Map<String, Object> clients = config.clientProperties();

        // Where the event log stands before the snapshot is taken: --follow starts there, so nothing that
        // happens while the snapshot is read is missed.
        Map<String, Object> p = new java.util.HashMap<>(clients);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, ComplianceAlert> events = follow
                ? new KafkaConsumer<>(p, new StringDeserializer(), serdes.alerts().deserializer()) : null;
        if (events != null) {
            List<TopicPartition> parts = events.partitionsFor(topics.alertEvents()).stream()
                    .map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
            events.assign(parts);
            events.seekToEnd(parts);
            parts.forEach(events::position);
        }
        Map<String, ComplianceAlert> open = TopicReader.readTable(clients, topics.openAlerts(), serdes.alerts().deserializer());
        List<ComplianceAlert> shown = new ArrayList<>(open.values().stream().filter(filter::test)
                .filter(a -> all || !VerdictCalculator.dismissed(a)).toList());
        long dismissed = open.values().stream().filter(filter::test).filter(VerdictCalculator::dismissed).count();
        shown.sort(Comparator.comparing((ComplianceAlert a) -> -a.getSeverity().ordinal()).thenComparing(ComplianceAlert::getAgency)
                .thenComparing(ComplianceAlert::getYear).thenComparing(ComplianceAlert::getRuleId).thenComparing(ComplianceAlert::getAlertKey));
        shown.forEach(a -> System.out.println(output.json() ? AlertFormatter.json(a) : AlertFormatter.text(a)));
        if (!output.json()) {
            System.out.printf("%d standing alert(s) shown of %d%s%n", shown.size(), open.size(),
                    all || dismissed == 0 ? "" : " (" + dismissed + " dismissed hidden: --all shows them)");
        }
        if (!follow) {
            return 0;
        }
        StopSignal signal = new StopSignal();
        try (KafkaConsumer<String, ComplianceAlert> consumer = events) {
            while (!signal.stopped()) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    // Events of the moments the snapshot was being read may already be in it: print each state once.
                    ComplianceAlert shownBefore = open.remove(r.key());
                    if (shownBefore != null && shownBefore.equals(r.value())) {
                        return;
                    }
                    if (filter.test(r.value()) && (all || !VerdictCalculator.dismissed(r.value()))) {
                        System.out.println(output.json() ? AlertFormatter.json(r.value()) : AlertFormatter.text(r.value()));
                    }
                });
            }
        } finally {
            signal.closed();
        }
        return 0;
    }
}
