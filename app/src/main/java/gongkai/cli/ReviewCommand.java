package gongkai.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.ReviewAction;
import gongkai.config.MonitorConfig;
import gongkai.review.ReviewPublisher;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import gongkai.watch.AlertFormatter;
import gongkai.topics.TopicReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"For the supervising office: record a decision about a standing alert. The review is an event on",
                "gongkai.reviews (never overwritten: the audit trail); the topology keeps it with the alert. A dismissed alert",
                "is hidden by 'alerts' (unless --all) and does not count in the report's verdict, as long as the finding's",
                "expected and actual values stay the same; a version that changes them raises the alert again.",
                "Exit 0 when published, 1 when no such alert stands, 2 on usage errors.",
                "Example: ./monitor review '北京市朝阳区金盏乡人民政府|2022|R-CONT-01|3/CARRIED_OVER/总计' --dismiss --comment '已电话核实' --by 王科长"})
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "ALERT-KEY", description = "The alert's key (agency|year|rule|location), as 'alerts' prints it.")
    String alertKey;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--acknowledge", description = "Seen and being followed up; the alert stays visible.")
        boolean acknowledge;

        @Option(names = "--dismiss", description = "Not a defect (e.g. a parser misreading); hidden while the finding is unchanged.")
        boolean dismiss;

        @Option(names = "--reopen", description = "Undo an earlier acknowledgement or dismissal.")
        boolean reopen;

        ReviewAction value() {
            return acknowledge ? ReviewAction.ACKNOWLEDGE : dismiss ? ReviewAction.DISMISS : ReviewAction.REOPEN;
        }
    }

    @Option(names = "--comment", description = "Why (kept with the review).", defaultValue = "")
    String comment;

    @Option(names = "--by", required = true, description = "Who decides (name or account).")
    String reviewer;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MonitorConfig config = cluster.load();
        Topics topics = Topics.live();
        ComplianceApp.createTopics(config, topics);
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        Map<String, Object> clients = config.clientProperties();
        ComplianceAlert alert = TopicReader.readTable(clients, topics.openAlerts(), serdes.alerts().deserializer()).get(alertKey);
        if (alert == null) {
            err.println("error: no alert with key '" + SafeText.forLog(alertKey) + "' stands now ('./monitor alerts --all --format json'"
                    + " lists the keys)");
            return 1;
        }
        AlertReview review;
        try {
            review = ReviewPublisher.review(alert, action.value(), comment, reviewer, Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("error: " + SafeText.forLog(e.getMessage()));
            return 2;
        }
        try (ReviewPublisher publisher = new ReviewPublisher(clients, topics.reviews(), serdes.reviews())) {
            publisher.publish(review);
        }
        out.println(AlertFormatter.review(review));
        out.println("  on " + alert.getRuleId() + " expected " + SafeText.forLog(alert.getExpected()) + ", actual "
                + SafeText.forLog(alert.getActual()) + " (the review stands while these values do)");
        out.flush();
        return 0;
    }
}
