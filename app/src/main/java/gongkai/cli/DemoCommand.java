package gongkai.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import gongkai.text.Sha256;
import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.local.EmbeddedCluster;
import gongkai.serde.SchemaRegistryClient;
import gongkai.submit.Outcome;
import gongkai.submit.OutcomeTracker;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.topics.Topics;
import gongkai.metrics.PrometheusEndpoint;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import gongkai.topics.TopicReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a real Kafka broker (KRaft) and a schema registry on 127.0.0.1 with data under --data-dir,",
                "create the topics, run the compliance topology, submit the sample reports and print alerts as they come.",
                "Stays up until Ctrl-C (or, with --once, until the samples are judged). Restarting keeps topics and state."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--samples", description = "Directory of reports to submit at start (default: ${DEFAULT-VALUE}).", defaultValue = "samples")
    Path samples;

    @Option(names = "--no-samples", description = "Do not submit anything; just run.")
    boolean noSamples;

    @Option(names = "--once", description = "Exit once every sample has been parsed and judged or rejected (for scripts and smoke tests).")
    boolean once;

    @Option(names = "--timeout", description = "With --once: how long to wait for the outcomes (default: ${DEFAULT-VALUE}).", defaultValue = "PT2M")
    Duration timeout;

    @Option(names = "--port", description = "Port of the web dashboard (0: any free port; not started with --once). Default: ${DEFAULT-VALUE}.",
            defaultValue = "8080")
    int port;

    @Override
    public Integer call() throws Exception {
        StopSignal signal = new StopSignal();
        Path dataDir = cluster.dataDir;
        System.out.println("starting the embedded broker and registry in " + dataDir.toAbsolutePath() + " …");
        try (EmbeddedCluster embedded = EmbeddedCluster.start(dataDir)) {
            cluster.bootstrapServers = embedded.bootstrapServers();
            cluster.schemaRegistryUrl = embedded.schemaRegistryUrl();
            MonitorConfig config = cluster.load();
            if (config.get("group.instance.id") == null) {
                // One node, always the same member: after a kill -9 the restarted node takes its place at once, instead of
                // waiting for the dead member's session to time out (45 s) before anything is processed again.
                config = config.with("group.instance.id", config.applicationId() + "-demo");
            }
            Topics topics = Topics.live();
            System.out.println("broker   " + embedded.bootstrapServers());
            System.out.println("registry " + embedded.schemaRegistryUrl());
            try (ComplianceApp app = ComplianceApp.start(config, topics);
                 PrometheusEndpoint metrics = PrometheusEndpoint.start(config, app.streams(), true)) {
                System.out.println("topics   " + String.join(", ", topics.all()));
                System.out.println("metrics  " + (metrics == null ? "off" : metrics.url()));
                System.out.println("topology started (application.id=" + config.applicationId() + ", exactly_once_v2)");
                AlertPrinter printer = AlertPrinter.start(config, topics, System.out);
                int exit = 0;
                if (!noSamples) {
                    exit = submitSamples(config, topics);
                }
                if (!once) {
                    try (gongkai.dashboard.Dashboard dashboard = gongkai.dashboard.Dashboard.start(config, topics,
                            gongkai.dashboard.DashboardOptions.local(port))) {
                        System.out.println("dashboard " + dashboard.url());
                        System.out.println("watching for submissions and alerts; Ctrl-C to stop");
                        signal.await();
                    }
                }
                printer.close();
                return exit;
            }
        } finally {
            signal.closed();
        }
    }

    /** The content hashes of what the demo submitted before, read from the submission log. */
    private static Set<String> alreadySubmitted(Map<String, Object> clients, Topics topics, MonitorSerdes serdes) {
        Set<String> seen = new HashSet<>();
        var submissions = serdes.submissions().deserializer();
        // A record that is not a submission (poison bytes someone sent) is not the demo's: skip it.
        org.apache.kafka.common.serialization.Deserializer<ReportSubmission> lenient = (topic, data) -> {
            try {
                return submissions.deserialize(topic, data);
            } catch (RuntimeException e) {
                return null;
            }
        };
        TopicReader.readToEnd(clients, topics.submissions(), lenient, r -> {
            if (r.value() != null && "demo".equals(r.value().getSubmitter())) {
                seen.add(r.value().getSha256());
            }
        });
        return seen;
    }

    private int submitSamples(MonitorConfig config, Topics topics) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(samples)) {
            files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList();
        }
        MonitorSerdes serdes = MonitorSerdes.using(SchemaRegistryClient.connect(config.schemaRegistryUrl()), true);
        Map<String, Object> clients = config.clientProperties();
        List<ReportSubmission> sent = new ArrayList<>();
        try (OutcomeTracker tracker = new OutcomeTracker(clients, topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(clients, topics.submissions(), serdes.submissions(), config.maxDocumentBytes())) {
            Set<String> already = alreadySubmitted(clients, topics, serdes);
            int skipped = 0;
            for (Path f : files) {
                byte[] content = Files.readAllBytes(f);
                // A restart does not send the samples again: the submission log already has them.
                if (already.contains(Sha256.hex(content))) {
                    skipped++;
                    continue;
                }
                ReportSubmission s = Submissions.of(content, samples.relativize(f).toString(), "demo",
                        Submissions.guessContentType(f.getFileName().toString()), null, null, Instant.now());
                publisher.publish(s);
                sent.add(s);
            }
            publisher.flush();
            System.out.println("submitted " + sent.size() + " sample reports from " + samples
                    + (skipped == 0 ? "" : " (" + skipped + " already submitted before, not sent again)"));
            Map<String, Outcome> outcomes = tracker.await(sent, timeout);
            int exit = 0;
            for (Outcome o : outcomes.values()) {
                System.out.println("  " + SubmitReport.line(o));
                if (!o.done()) {
                    exit = 1;
                }
            }
            return exit;
        }
    }
}
