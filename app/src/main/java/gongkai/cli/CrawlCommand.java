package gongkai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import gongkai.avro.ReportSubmission;
import gongkai.config.MonitorConfig;
import gongkai.crawl.CrawlProgress;
import gongkai.crawl.CrawlReport;
import gongkai.crawl.CrawlState;
import gongkai.crawl.Crawler;
import gongkai.crawl.DocumentResult;
import gongkai.crawl.FetchPolicy;
import gongkai.crawl.PoliteFetcher;
import gongkai.crawl.CrawlProgressBar;
import gongkai.text.ProgressBar;
import gongkai.crawl.ProgressLog;
import gongkai.crawl.SeedList;
import gongkai.submit.Outcome;
import gongkai.submit.OutcomeTracker;
import gongkai.submit.SubmissionPublisher;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = {"Fetch the listing pages named in a seeds file, find the links to annual reports",
                "(政府信息公开工作年度报告: HTML pages, .docx/.pdf attachments), fetch them politely",
                "and submit those not submitted before (by content hash, remembered in",
                "<data-dir>/crawl-state.tsv). Seeds file: one listing URL per line, optionally",
                "followed by '| agency name'; lines starting with # are comments. Each site's robots.txt",
                "is obeyed (for the name GongkaiMonitor, or *), its Crawl-delay kept, listings followed",
                "through their pagers, unchanged documents not downloaded again (ETag/Last-Modified),",
                "and loopback/private addresses refused unless --allow-private-targets.",
                "Prints the outcome of each published document once the topology has judged or rejected it (as submit does);",
                "'./monitor rejected' lists rejections later. Exit 0 if every document was fetched and accepted,",
                "1 if any failed or was rejected, 2 on usage errors."})
final class CrawlCommand implements Callable<Integer> {
    static final String STATE_FILE = "crawl-state.tsv";

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--seeds", required = true, paramLabel = "FILE", description = "Listing pages to crawl, one URL per line.")
    Path seeds;

    @Option(names = "--delay", defaultValue = "PT1S", description = "Pause between two requests to one host (default: ${DEFAULT-VALUE}).")
    Duration delay;

    @Option(names = "--timeout", defaultValue = "PT20S", description = "Limit for one attempt, whole response included (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--retries", defaultValue = "3", description = "Retries after a network error, timeout, 429 or 5xx (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-bytes", converter = ByteSize.class,
            description = "Largest document fetched, in bytes or with KiB/MiB (default: the document limit, parser.max.document.bytes, 20MiB).")
    Long maxBytes;

    @Option(names = "--outcome-timeout", defaultValue = "PT2M",
            description = "How long to wait for the topology's outcome of the published documents (default: ${DEFAULT-VALUE}).")
    Duration outcomeTimeout;

    @Option(names = "--max-time", defaultValue = "PT2M",
            description = "Limit for one document, every attempt, retry and redirect included (default: ${DEFAULT-VALUE}).")
    Duration maxTime;

    @Option(names = "--max-pages", defaultValue = "" + Crawler.DEFAULT_MAX_LISTING_PAGES,
            description = "Listing pages read per seed, its further pages (下一页, createPageHTML pagers) included (default: ${DEFAULT-VALUE}).")
    int maxPages;

    @Option(names = "--contact", paramLabel = "URL|MAIL",
            description = "Where a site operator reaches whoever runs this crawl; sent in the User-Agent (+URL), as webmasters ask.")
    String contact;

    @Option(names = "--operator", paramLabel = "NAME", description = "Who runs this crawl (ASCII), sent in the User-Agent beside --contact.")
    String operator;

    @Option(names = "--allow-private-targets",
            description = "Also fetch from loopback and private addresses (an intranet crawled on purpose); refused by default.")
    boolean allowPrivateTargets;

    @Option(names = "--dry-run", description = "Fetch and list what would be submitted; submit and remember nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<SeedList.Seed> seedList = readSeeds();
        // A dry run fetches and lists only: it needs no cluster.
        MonitorConfig config = dryRun ? cluster.settings() : cluster.load();
        FetchPolicy policy = policy(maxBytes == null ? config.maxDocumentBytes() : maxBytes);
        Path stateFile = config.dataDir().resolve(STATE_FILE);
        CrawlState state = dryRun ? CrawlState.load(stateFile).detached() : CrawlState.load(stateFile);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        if (terminal) {
            // The publisher logs a line per document, which would break the bar; the bar and summary say the same.
            System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.gongkai.submit.SubmissionPublisher", "warn");
        }
        CrawlProgress progress = terminal ? new CrawlProgressBar(err, dryRun, ProgressBar.terminalColumns()) : new ProgressLog(err, dryRun);
        CrawlReport report;
        boolean rejected = false;
        if (dryRun) {
            report = new Crawler(new PoliteFetcher(policy), state, s -> { }, progress, maxPages).crawl(seedList);
            report.documents().stream().filter(d -> d.status() == DocumentResult.Status.PUBLISHED)
                    .forEach(d -> out.println("would submit " + (d.publishedAt() == null ? "(no date)" : d.publishedAt()) + "  "
                            + SafeText.forLog(d.url(), 300)));
        } else {
            MonitorSerdes serdes = MonitorSerdes.forConfig(config);
            Map<String, Object> clients = config.clientProperties();
            Topics topics = Topics.live();
            gongkai.topology.ComplianceApp.createTopics(config, topics);
            List<ReportSubmission> sent = new ArrayList<>();
            // Created before the first document is published: it follows the topology's outputs from this moment.
            try (OutcomeTracker tracker = new OutcomeTracker(clients, topics, serdes);
                 SubmissionPublisher publisher = new SubmissionPublisher(clients, topics.submissions(), serdes.submissions(),
                         config.maxDocumentBytes())) {
                Consumer<ReportSubmission> sink = s -> {
                    publisher.publishAndWait(s);
                    sent.add(s);
                };
                report = new Crawler(new PoliteFetcher(policy), state, sink, progress, maxPages).crawl(seedList);
                if (!sent.isEmpty()) {
                    // What the topology made of each published document, as submit prints it: a page that is no
                    // report is rejected there, not here.
                    for (Outcome o : tracker.await(sent, outcomeTimeout).values()) {
                        out.println(SubmitReport.line(o));
                        rejected |= o.rejected() || !o.done();
                    }
                }
            }
        }
        for (DocumentResult f : report.failures()) {
            out.println("failed " + SafeText.forLog(f.url(), 300) + ": " + SafeText.forLog(f.detail(), 300));
        }
        out.println(report.summary(dryRun));
        out.flush();
        return report.failures().isEmpty() && !rejected ? 0 : 1;
    }

    private List<SeedList.Seed> readSeeds() {
        try {
            List<SeedList.Seed> list = SeedList.read(seeds);
            if (list.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "no listing URL in " + SafeText.forLog(seeds));
            }
            return list;
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "no such seeds file: " + SafeText.forLog(seeds));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read " + SafeText.forLog(seeds) + ": " + SafeText.forLog(e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), SafeText.forLog(e.getMessage(), 500));
        }
    }

    private FetchPolicy policy(long maxBytes) {
        if (delay.isNegative() || timeout.isNegative() || timeout.isZero() || retries < 0 || maxBytes <= 0) {
            throw new ParameterException(spec.commandLine(), "--delay must be >= 0, --timeout > 0, --retries >= 0 and --max-bytes > 0");
        }
        FetchPolicy policy = FetchPolicy.defaults().withPerHostDelay(delay).withTimeout(timeout).withRetries(retries).withMaxBytes(maxBytes);
        return etiquette(policy);
    }

    /** Who is asking, how long per document, how many listing pages, and whether the private network may be asked too. */
    private FetchPolicy etiquette(FetchPolicy policy) {
        if (maxTime.isNegative() || maxTime.isZero() || maxPages < 1) {
            throw new ParameterException(spec.commandLine(), "--max-time must be > 0 and --max-pages >= 1");
        }
        FetchPolicy p;
        try {
            p = policy.withMaxTimePerDocument(maxTime).withUserAgent(FetchPolicy.userAgent(operator, contact));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--contact/--operator: " + SafeText.forLog(e.getMessage(), 300)
                    + " (an http(s) URL or a mail address; printable ASCII)");
        }
        return allowPrivateTargets ? p.allowingPrivateTargets() : p;
    }

    /** A byte count such as 20971520, 512KiB or 20MiB (KB/MB are read as binary too: nobody means 10^6 here). */
    static final class ByteSize implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String v = value.strip().toUpperCase(Locale.ROOT).replace(" ", "");
            long unit = 1;
            for (var suffix : List.of(Map.entry("KIB", 1024L), Map.entry("MIB", 1024L * 1024), Map.entry("GIB", 1024L * 1024 * 1024),
                    Map.entry("KB", 1024L), Map.entry("MB", 1024L * 1024), Map.entry("GB", 1024L * 1024 * 1024), Map.entry("B", 1L))) {
                if (v.endsWith(suffix.getKey())) {
                    v = v.substring(0, v.length() - suffix.getKey().length());
                    unit = suffix.getValue();
                    break;
                }
            }
            try {
                return Math.multiplyExact(Long.parseLong(v), unit);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("not a size: " + value + " (examples: 20971520, 512KiB, 20MiB)");
            }
        }
    }
}
