package gongkai.ops;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import gongkai.config.MonitorConfig;
import gongkai.topics.Topics;
import org.apache.kafka.tools.StreamsResetter;

/**
 * Resets the live application so that it processes the submission log again from the start, as
 * Kafka's {@code kafka-streams-application-reset} does, by calling that tool's own class
 * ({@link StreamsResetter}, from kafka-tools) with the monitor's client settings (security included):
 * the input topics' committed offsets go back to the earliest, the topics it writes and reads back are
 * skipped to their end, the application's internal topics (changelogs, repartitions) are deleted. What the
 * tool leaves to the user is done here too: the local state directory is deleted, as
 * {@code KafkaStreams#cleanUp()} would. Output topics are not touched: the re-run appends to them.
 */
public final class ApplicationReset {
    /** What the reset did (or, in a dry run, would do), and the tool's own report. */
    public record Result(int exitCode, String toolOutput, Path stateDir, boolean stateDeleted) {
    }

    private ApplicationReset() {
    }

    /** The inputs the topology reads from outside (the submission log, the roster, the reviews): reset to the earliest. */
    static List<String> inputTopics(Topics topics) {
        return List.of(topics.submissions(), topics.roster(), topics.reviews());
    }

    /**
     * The topics the application writes and reads back itself (reports as read, reports filed under their agency):
     * skipped to their end, so that what was read before is not judged twice; the re-run writes everything again after
     * it. The roster-names copy is read whole by a global store, outside the group: nothing to reset there.
     */
    static List<String> intermediateTopics(Topics topics) {
        return List.of(topics.read(), topics.parsed());
    }

    public static Result run(MonitorConfig config, Topics topics, boolean dryRun, boolean force) {
        List<String> args = new ArrayList<>(List.of("--bootstrap-server", config.bootstrapServers(),
                "--application-id", config.applicationId(),
                "--input-topics", String.join(",", inputTopics(topics)),
                "--intermediate-topics", String.join(",", intermediateTopics(topics)),
                "--to-earliest"));
        if (dryRun) {
            args.add("--dry-run");
        }
        if (force) {
            args.add("--force");
        }
        Properties clients = new Properties();
        for (Map.Entry<String, Object> e : config.clientProperties().entrySet()) {
            clients.put(e.getKey(), e.getValue());
        }
        // The tool prints its report on System.out and its errors on System.err: captured, so the command decides what
        // the user sees and where.
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        int exit;
        synchronized (System.class) {
            PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                exit = new StreamsResetter().execute(args.toArray(String[]::new), clients);
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
        Path stateDir = Path.of(config.kafkaProperties().getProperty(MonitorConfig.STATE_DIR)).resolve(config.applicationId());
        boolean deleted = false;
        if (exit == 0 && !dryRun && Files.isDirectory(stateDir)) {
            LocalState.delete(stateDir);
            deleted = true;
        }
        return new Result(exit, buffer.toString(StandardCharsets.UTF_8), stateDir, deleted);
    }
}
