package gongkai.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.avro.RejectedSubmission;
import gongkai.config.MonitorConfig;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import gongkai.watch.RejectionLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "rejected", mixinStandardHelpOptions = true,
        description = {"For crawler operators and agencies: the submissions the topology rejected (the dead-letter topic",
                "gongkai.submissions.rejected), oldest first, each with its source, reason code and reason.",
                "Example: ./monitor rejected --since 2024-03-01 --source example.gov.cn"})
final class RejectedCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--since", description = "Only rejections from this moment: a date (start of that day in --zone) or an ISO instant.")
    String since;

    @Option(names = "--source", description = "Only submissions whose source (URL or file name) contains this text.")
    String source;

    @Option(names = "--zone", description = "Time zone for --since dates. Default: ${DEFAULT-VALUE}.", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Mixin
    OutputFormat output;

    @Spec
    CommandSpec spec;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? null : parse(since);
        MonitorConfig config = cluster.load();
        List<RejectedSubmission> rejected = RejectionLog.read(config.clientProperties(), Topics.live(), MonitorSerdes.forConfig(config),
                from, source);
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        for (RejectedSubmission r : rejected) {
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rejectedAt", r.getRejectedAt().toString());
                m.put("source", r.getSource());
                m.put("submissionId", r.getSubmissionId());
                m.put("reasonCode", r.getReasonCode());
                m.put("reason", r.getReason());
                m.put("ruleId", r.getRuleId());
                m.put("sourceTopic", r.getSourceTopic());
                m.put("sourcePartition", r.getSourcePartition());
                m.put("sourceOffset", r.getSourceOffset());
                out.println(json.writeValueAsString(m));
            } else {
                out.println(TIME.format(r.getRejectedAt()) + "  " + SafeText.forLog(r.getSource() == null ? "(unreadable record)" : r.getSource(), 300)
                        + "\n    " + r.getReasonCode() + ": " + SafeText.forLog(r.getReason(), 500));
            }
        }
        if (!output.json()) {
            out.println(rejected.size() + " rejected submission(s)" + (from == null ? "" : " since " + from)
                    + (source == null ? "" : " from sources containing '" + SafeText.forLog(source) + "'"));
        }
        out.flush();
        return 0;
    }

    private Instant parse(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--since: '" + SafeText.forLog(value) + "' is neither a date (2024-03-01) nor an instant");
        }
    }
}
