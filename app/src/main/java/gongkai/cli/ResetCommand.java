package gongkai.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import gongkai.config.MonitorConfig;
import gongkai.ops.ApplicationReset;
import gongkai.text.SafeText;
import gongkai.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"For operators: make the live application process the whole submission log again, as Kafka's",
                "kafka-streams-application-reset does (it runs that tool's StreamsResetter with the monitor's settings):",
                "offsets of the submissions, roster and reviews topics back to the earliest, the parsed-reports topic",
                "skipped to its end, the application's internal topics deleted, and its local state directory deleted.",
                "Output topics are kept: the re-run appends to them. Stop every instance of the application first.",
                "Without --yes it only shows what it would do (a dry run)."})
final class ResetCommand implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster;

    @Option(names = "--yes", description = "Really reset (irreversible).")
    boolean yes;

    @Option(names = "--dry-run", description = "Show what would be reset, change nothing (the default without --yes).")
    boolean dryRun;

    @Option(names = "--force", description = "Remove members still registered in the application's group (instances that died "
            + "without leaving). Make sure none is running.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (yes && dryRun) {
            throw new ParameterException(spec.commandLine(), "--yes and --dry-run contradict each other");
        }
        MonitorConfig config = cluster.load();
        boolean dry = !yes;
        ApplicationReset.Result r = ApplicationReset.run(config, Topics.live(), dry, force);
        PrintWriter out = spec.commandLine().getOut();
        // On failure the tool prints its error line and then a stack trace: the line says it all.
        java.util.List<String> lines = r.toolOutput().lines().toList();
        java.util.List<String> errors = lines.stream().filter(l -> l.startsWith("ERROR:")).toList();
        (r.exitCode() != 0 && !errors.isEmpty() ? errors : lines).forEach(l -> out.println(SafeText.forLog(l, 2000)));
        if (r.exitCode() != 0) {
            out.println("reset of " + config.applicationId() + " failed (see above); nothing of the local state was deleted");
        } else if (dry) {
            out.println("dry run: would also delete the local state " + r.stateDir());
            out.println("nothing changed; run again with --yes to reset " + config.applicationId());
        } else {
            out.println(r.stateDeleted() ? "deleted the local state " + r.stateDir() : "no local state at " + r.stateDir());
            out.println("reset " + config.applicationId() + ": the next ./monitor run processes the submission log from the start");
        }
        out.flush();
        return r.exitCode() == 0 ? 0 : 1;
    }
}
