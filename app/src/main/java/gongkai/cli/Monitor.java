package gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./monitor}: the one entry point for every user of Gongkai Monitor. */
@Command(name = "monitor", mixinStandardHelpOptions = true, version = "Gongkai Monitor 0.1.0",
        description = {"Gongkai Monitor (公开): compliance monitor for 政府信息公开工作年度报告.",
                "Reports go in as Avro events on Kafka; a Kafka Streams topology parses them, checks the rules",
                "and the carry-over between years, and publishes alerts."},
        exitCodeListHeading = "%nExit codes (every command):%n",
        exitCodeList = {"0:ok", "1:findings: an ERROR alert, a rejected submission, nothing found (or another failure)", "2:usage error",
                "3:the Kafka cluster or the schema registry could not be reached within connect.timeout.ms (default 15 s) or refused the credentials"},
        subcommands = {DemoCommand.class, RunCommand.class, CheckCommand.class, ParseCommand.class, SubmitCommand.class,
                CrawlCommand.class, RosterCommand.class, BenchCommand.class, AlertsCommand.class, ReviewCommand.class, ServeCommand.class,
                ReplayCommand.class, HistoryCommand.class, RejectedCommand.class, TopicsCommand.class, ResetCommand.class,
                CommandLine.HelpCommand.class})
public final class Monitor {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Monitor());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Usage errors exit 2 (picocli's default), an unreachable cluster or registry 3, other failures 1;
        // messages name what was wrong, not a stack trace, and never a credential.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + gongkai.text.SafeText.forLog(gongkai.config.Secrets.redact(e.getMessage()), 2000));
            return ExitCodes.of(e);
        });
        return cl;
    }
}
