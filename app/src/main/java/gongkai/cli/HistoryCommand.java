package gongkai.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.topics.AlertKeys;
import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.config.MonitorConfig;
import gongkai.review.ReviewLog;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import gongkai.watch.AgencyHistory;
import gongkai.watch.AlertFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Every version of every report of an agency, when it arrived, the alerts each version raised or resolved,",
                "and the office's reviews of the alerts of each year (who decided what, and when).",
                "Example: ./monitor history 金盏乡"})
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Parameters(paramLabel = "AGENCY", description = "Agency name, or a part of it.")
    String agency;

    @Mixin
    OutputFormat output;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = cluster.load();
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        List<AgencyHistory.Year> years = AgencyHistory.load(config.clientProperties(), Topics.live(), serdes, agency);
        List<AlertReview> reviews = ReviewLog.read(config.clientProperties(), Topics.live(), serdes,
                r -> AlertKeys.agencyOf(r.getAlertKey()).contains(agency), null);
        if (years.isEmpty()) {
            System.out.println("no report of an agency matching '" + SafeText.forLog(agency) + "' has been parsed");
            return 1;
        }
        if (output.json()) {
            System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    years.stream().map(y -> json(y, reviewsOf(reviews, y))).toList()));
            return 0;
        }
        for (AgencyHistory.Year y : years) {
            System.out.println(SafeText.forLog(y.agency()) + " " + y.year());
            for (AgencyHistory.Version v : y.versions()) {
                var ver = v.report().getVersion();
                System.out.printf("  %s  %s  sha256 %s  %s%s%s%n", TIME.format(ver.getReceivedAt()), SafeText.forLog(ver.getSource()),
                        ver.getSha256().substring(0, 12), v.report().getTemplate(), submittedBy(ver),
                        v.duplicate() ? "  (content received before: not made current again, no change)" : "");
                for (ComplianceAlert a : v.raised()) {
                    System.out.println("      raised   " + a.getSeverity() + " " + a.getRuleId() + " [" + SafeText.forLog(AlertFormatter.location(a.getLocation()))
                            + "] expected " + SafeText.forLog(a.getExpected()) + ", actual " + SafeText.forLog(a.getActual()));
                }
                for (ComplianceAlert a : v.resolved()) {
                    System.out.println("      resolved " + a.getSeverity() + " " + a.getRuleId() + " [" + SafeText.forLog(AlertFormatter.location(a.getLocation()))
                            + "] at " + TIME.format(a.getEventAt()));
                }
            }
            for (AlertReview r : reviewsOf(reviews, y)) {
                System.out.println("  reviewed " + AlertFormatter.review(r));
            }
        }
        return 0;
    }

    private static List<AlertReview> reviewsOf(List<AlertReview> reviews, AgencyHistory.Year y) {
        String prefix = AlertKeys.alertPrefix(y.agency(), y.year());
        return reviews.stream().filter(r -> r.getAlertKey().startsWith(prefix)).toList();
    }

    /** "  by crawler-bj as User:crawler": who submitted the version, and the Kafka principal it wrote as on a secured cluster. */
    private static String submittedBy(gongkai.avro.ReportVersion ver) {
        return (ver.getSubmitter() == null ? "" : "  by " + SafeText.forLog(ver.getSubmitter()))
                + (ver.getPrincipal() == null ? "" : " as " + SafeText.forLog(ver.getPrincipal()));
    }

    private static Map<String, Object> json(AgencyHistory.Year y, List<AlertReview> reviews) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agency", y.agency());
        m.put("year", y.year());
        m.put("versions", y.versions().stream().map(v -> {
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("receivedAt", v.report().getVersion().getReceivedAt().toString());
            vm.put("source", v.report().getVersion().getSource());
            vm.put("sha256", v.report().getVersion().getSha256());
            vm.put("submitter", v.report().getVersion().getSubmitter());
            vm.put("principal", v.report().getVersion().getPrincipal());
            vm.put("reportId", v.report().getReportId());
            vm.put("duplicate", v.duplicate());
            vm.put("raised", v.raised().stream().map(AlertFormatter::fields).toList());
            vm.put("resolved", v.resolved().stream().map(AlertFormatter::fields).toList());
            return vm;
        }).toList());
        m.put("reviews", reviews.stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("alertKey", r.getAlertKey());
            rm.put("action", r.getAction().name());
            rm.put("reviewer", r.getReviewer());
            rm.put("comment", r.getComment());
            rm.put("reviewedAt", r.getReviewedAt().toString());
            rm.put("expected", r.getExpected());
            rm.put("actual", r.getActual());
            return rm;
        }).toList());
        return m;
    }
}
