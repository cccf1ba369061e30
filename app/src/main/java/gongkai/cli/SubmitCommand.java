package gongkai.cli;

import java.io.IOException;
import java.net.URI;
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
import gongkai.crawl.FetchException;
import gongkai.crawl.FetchPolicy;
import gongkai.crawl.Fetched;
import gongkai.crawl.PoliteFetcher;
import gongkai.parse.ReportParser;
import gongkai.parse.ReportRejectedException;
import gongkai.submit.Outcome;
import gongkai.submit.OutcomeTracker;
import gongkai.submit.SubmissionPublisher;
import gongkai.submit.Submissions;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
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

    @Option(names = "--fetch-timeout", description = "For URLs: how long one download may take, body included. Default: ${DEFAULT-VALUE}.",
            defaultValue = "PT60S")
    Duration fetchTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = cluster.settings();
        ReportParser limit = config.parser();
        List<Document> documents = new ArrayList<>();
        for (String in : inputs) {
            try {
                documents.addAll(read(in, limit));
            } catch (IOException | IllegalArgumentException | FetchException e) {
                spec.commandLine().getErr().println("error: " + SafeText.forLog(in) + ": " + SafeText.forLog(e.getMessage()));
                return 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            }
        }
        gongkai.config.Reachability.check(config);
        Topics topics = Topics.live();
        gongkai.topology.ComplianceApp.createTopics(config, topics);
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        Map<String, Object> clients = config.clientProperties();
        List<ReportSubmission> sent = new ArrayList<>();
        int exit = 0;
        try (OutcomeTracker tracker = noWait ? null : new OutcomeTracker(clients, topics, serdes);
             SubmissionPublisher publisher = new SubmissionPublisher(clients, topics.submissions(), serdes.submissions(),
                     config.maxDocumentBytes())) {
            for (Document d : documents) {
                if (d.tooLarge() != null) {
                    // Not sent: the submission log holds documents up to the limit only, and the topology would say the same.
                    System.out.println("REJECTED " + SafeText.forLog(d.source()) + ": " + d.tooLarge().reason() + ": "
                            + SafeText.forLog(d.tooLarge().detail(), 500));
                    exit = 1;
                    continue;
                }
                ReportSubmission s = Submissions.of(d.content(), d.source(), submitter, d.contentType(), agencyHint,
                        publishedAt == null ? null : publishedAt.toString(), Instant.now());
                var meta = publisher.publishAndWait(s);
                sent.add(s);
                if (noWait) {
                    System.out.println("SUBMITTED " + SafeText.forLog(d.source()) + " -> " + meta.topic() + "/" + meta.partition() + "@" + meta.offset());
                }
            }
            if (noWait) {
                return exit;
            }
            Map<String, Outcome> outcomes = tracker.await(sent, timeout);
            for (Outcome o : outcomes.values()) {
                System.out.println(SubmitReport.line(o));
                if (!o.done() || o.rejected()) {
                    exit = 1;
                }
            }
            return exit;
        }
    }

    /** A document to submit, or (tooLarge set, no content) one over the document limit, which is not even read. */
    record Document(String source, byte[] content, String contentType, ReportRejectedException tooLarge) {
        Document(String source, byte[] content, String contentType) {
            this(source, content, contentType, null);
        }
    }

    private List<Document> read(String input, ReportParser limit) throws IOException, FetchException, InterruptedException {
        if (input.startsWith("http://") || input.startsWith("https://")) {
            return List.of(fetch(URI.create(input), limit.maxBytes()));
        }
        Path p = Path.of(input);
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.walk(p)) {
                List<Document> out = new ArrayList<>();
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList()) {
                    out.add(file(f, limit));
                }
                return out;
            }
        }
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("no such file or directory");
        }
        return List.of(file(p, limit));
    }

    private static Document file(Path f, ReportParser limit) throws IOException {
        var tooLarge = limit.checkSize(Files.size(f), f.toString());
        if (tooLarge.isPresent()) {
            return new Document(f.toString(), null, null, tooLarge.get());
        }
        return new Document(f.toString(), Files.readAllBytes(f), Submissions.guessContentType(f.toString()));
    }

    /** The crawler's fetcher: the body is capped at the document limit, and the timeout covers a body that trickles in. */
    private Document fetch(URI uri, long maxBytes) throws FetchException, InterruptedException {
        // A URL the person at the keyboard names, not a link found on a page: robots.txt governs crawlers, and the
        // address is theirs to choose (an intranet page included); the crawler keeps both guards.
        FetchPolicy policy = FetchPolicy.defaults().ignoringRobotsTxt().allowingPrivateTargets().withRetries(1).withTimeout(fetchTimeout)
                .withMaxBytes(maxBytes);
        Fetched f = new PoliteFetcher(policy).fetch(uri);
        return new Document(f.url().toString(), f.body(), f.contentType());
    }
}
