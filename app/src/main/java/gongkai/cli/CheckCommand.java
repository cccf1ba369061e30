package gongkai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportSubmission;
import gongkai.avro.Severity;
import gongkai.config.MonitorConfig;
import gongkai.submit.Submissions;
import gongkai.text.SafeText;
import gongkai.watch.AlertFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the compliance topology in-process on the given files, in that order, and print the alerts",
                "that stand at the end. No cluster needed. A file may carry its publication date as FILE@yyyy-MM-dd",
                "(for the deadline rule R-DL-01); without one, the date the document or page states is used, if any.",
                "Exit 0 with no ERROR alert and no rejected file, 1 otherwise, 2 on usage errors.",
                "Example: ./monitor check samples/chaoyang-jinzhan-2021.txt@2022-01-20 my-2022-report.docx@2023-02-10"})
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE[@DATE]",
            description = "Report files (text, HTML, .docx, PDF), oldest first, each optionally with its publication date: FILE@2023-02-10.")
    List<String> files;

    @Mixin
    OutputFormat output;

    @Option(names = "--agency-hint", description = "Agency name to use when a document does not name one (as crawler metadata would).")
    String agencyHint;

    @Option(names = "--published-at", description = "Publication date (yyyy-MM-dd) for the files that give none with @DATE.")
    java.time.LocalDate publishedAt;

    @Option(names = {"-s", "--set"}, description = "Setting as key=value, e.g. --set rules.severity.R-CELL-01=INFO (repeatable).")
    Map<String, String> settings = new HashMap<>();

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Input> inputs = new ArrayList<>();
        for (String arg : files) {
            Input in;
            try {
                in = Input.of(arg, publishedAt);
            } catch (java.time.format.DateTimeParseException e) {
                err.println("error: " + SafeText.forLog(arg) + ": the date after @ is not yyyy-MM-dd");
                return 2;
            }
            try {
                inputs.add(in.withContent(Files.readAllBytes(in.file())));
            } catch (NoSuchFileException e) {
                err.println("error: no such file: " + SafeText.forLog(in.file()));
                return 2;
            } catch (IOException e) {
                err.println("error: cannot read " + SafeText.forLog(in.file()) + ": " + SafeText.forLog(e.getMessage()));
                return 2;
            }
        }
        MonitorConfig config = MonitorConfig.load(null, System.getenv(), settings);
        Path state = Files.createTempDirectory("gongkai-check");
        List<RejectedSubmission> rejected = new ArrayList<>();
        Map<String, ComplianceAlert> open = new LinkedHashMap<>();
        Map<String, Path> fileBySubmission = new HashMap<>();
        try (InProcessCheck check = new InProcessCheck(config, state)) {
            Instant base = Instant.now();
            int i = 0;
            for (Input in : inputs) {
                String name = in.file().getFileName().toString();
                ReportSubmission s = Submissions.of(in.content(), in.file().toString(), "check",
                        Submissions.guessContentType(name), agencyHint,
                        in.publishedAt() == null ? null : in.publishedAt().toString(), base.plusMillis(i++));
                fileBySubmission.put(s.getSubmissionId(), in.file());
                check.submit(s);
                rejected.addAll(check.drain(open));
            }
        } finally {
            deleteRecursively(state);
        }
        List<ComplianceAlert> alerts = new ArrayList<>(open.values());
        alerts.sort(Comparator.comparing(ComplianceAlert::getAgency).thenComparing(ComplianceAlert::getYear)
                .thenComparing(a -> -a.getSeverity().ordinal()).thenComparing(ComplianceAlert::getRuleId)
                .thenComparing(ComplianceAlert::getAlertKey));
        for (RejectedSubmission r : rejected) {
            Path file = fileBySubmission.get(r.getSubmissionId());
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("rejected", true);
                m.put("file", String.valueOf(file));
                m.put("reasonCode", r.getReasonCode());
                m.put("reason", r.getReason());
                out.println(JSON.writeValueAsString(m));
            } else {
                out.println("REJECTED " + SafeText.forLog(file) + ": " + r.getReasonCode() + ": " + SafeText.forLog(r.getReason(), 500));
            }
        }
        for (ComplianceAlert a : alerts) {
            out.println(output.json() ? AlertFormatter.json(a) : AlertFormatter.text(a));
        }
        if (!output.json()) {
            long errors = alerts.stream().filter(a -> a.getSeverity() == Severity.ERROR).count();
            out.printf("%d file(s): %d rejected, %d open alert(s), %d ERROR%n", files.size(), rejected.size(), alerts.size(), errors);
        }
        out.flush();
        // A rejected file is a failure, as for submit and parse: nothing of it was checked.
        return !rejected.isEmpty() || alerts.stream().anyMatch(a -> a.getSeverity() == Severity.ERROR) ? 1 : 0;
    }

    /** One argument: a file and the publication date given for it (FILE@yyyy-MM-dd), else the --published-at default. */
    record Input(Path file, java.time.LocalDate publishedAt, byte[] content) {
        private static final java.util.regex.Pattern WITH_DATE = java.util.regex.Pattern.compile("(.+)@(\\d{4}-\\d{2}-\\d{2})");

        static Input of(String arg, java.time.LocalDate fallback) {
            java.util.regex.Matcher m = WITH_DATE.matcher(arg);
            if (m.matches() && !Files.exists(Path.of(arg))) {
                return new Input(Path.of(m.group(1)), java.time.LocalDate.parse(m.group(2)), null);
            }
            return new Input(Path.of(arg), fallback, null);
        }

        Input withContent(byte[] bytes) {
            return new Input(file, publishedAt, bytes);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
