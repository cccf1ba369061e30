package gongkai.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.submit.Outcome;
import gongkai.submit.OutcomeTracker;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topology.MonitorSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Publish reports (files, directories, or http(s) URLs) to the submission log and print one line per",
                "document with its outcome once the topology has parsed and judged or rejected it.",
                "Exit 0 if all were accepted, 1 if any was rejected or had no outcome in time, 2 on usage errors.",
                "Example: ./monitor submit samples/ https://example.gov.cn/gk/2023-report.docx"})
final class SubmitCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|URL")
    List<String> inputs;

    @Option(names = "--submitter", description = "Who submits (crawler id or agency account). Default: ${DEFAULT-VALUE}.", defaultValue = "${sys:user.name}")
    String submitter;

    @Option(names = "--agency-hint", description = "The agency the documents belong to: used before the name their titles print (R-ID-01 when the title names none).")
    String agencyHint;

    @Option(names = "--published-at", description = "Publication date shown by the source (yyyy-MM-dd).")
    java.time.LocalDate publishedAt;

    @Option(names = "--no-wait", description = "Publish and exit without waiting for the outcomes.")
    boolean noWait;

    @Option(names = "--timeout", description = "How long to wait for the outcomes. Default: ${DEFAULT-VALUE}.", defaultValue = "PT2M")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Document> documents = new ArrayList<>();
        for (String in : inputs) {
            try {
                documents.addAll(read(in));
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + SafeText.forLog(in) + ": " + SafeText.forLog(e.getMessage()));
                return 2;
            }
        }
        MonitorConfig config = cluster.load();
        Topics topics = Topics.live();
        gongkai.topology.ComplianceApp.createTopics(config, topics);
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        Map<String, Object> clients = config.clientProperties();
        List<ReportSubmission> sent = new ArrayList<>();
        try (OutcomeTracker tracker = noWait ? null : new OutcomeTracker(clients, topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(clients, topics.submissions(), serdes.submissions())) {
            for (Document d : documents) {
                ReportSubmission s = Submissions.of(d.content(), d.source(), submitter, d.contentType(), agencyHint,
                        publishedAt == null ? null : publishedAt.toString(), Instant.now());
                var meta = publisher.publishAndWait(s);
                sent.add(s);
                if (noWait) {
                    System.out.println("SUBMITTED " + SafeText.forLog(d.source()) + " -> " + meta.topic() + "/" + meta.partition() + "@" + meta.offset());
                }
            }
            if (noWait) {
                return 0;
            }
            Map<String, Outcome> outcomes = tracker.await(sent, timeout);
            int exit = 0;
            for (Outcome o : outcomes.values()) {
                System.out.println(SubmitReport.line(o));
                if (!o.done() || o.rejected()) {
                    exit = 1;
                }
            }
            return exit;
        }
    }

    record Document(String source, byte[] content, String contentType) {
    }

    private static List<Document> read(String input) throws IOException {
        if (input.startsWith("http://") || input.startsWith("https://")) {
            return List.of(fetch(URI.create(input)));
        }
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.walk(p)) {
                List<Document> out = new ArrayList<>();
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList()) {
                    out.add(new Document(f.toString(), Files.readAllBytes(f), Submissions.guessContentType(f.toString())));
                }
                return out;
            }
        }
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no such file or directory");
        }
        return List.of(new Document(p.toString(), Files.readAllBytes(p), Submissions.guessContentType(p.toString())));
    }

    private static Document fetch(URI uri) throws IOException {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("User-Agent", "GongkaiMonitor/0.1 (+submit)").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw new IOException("HTTP " + r.statusCode());
            }
            return new Document(r.uri().toString(), r.body(), r.headers().firstValue("Content-Type").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
