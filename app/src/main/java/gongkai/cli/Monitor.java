package gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./monitor}: the one entry point for every user of Gongkai Monitor. */
@Command(name = "monitor", mixinStandardHelpOptions = true, version = "Gongkai Monitor 0.1.0",
        description = {"Gongkai Monitor (公开): compliance monitor for 政府信息公开工作年度报告.",
                "Reports go in as Avro events on Kafka; a Kafka Streams topology parses them, checks the rules",
                "and the carry-over between years, and publishes alerts."},
        subcommands = {DemoCommand.class, RunCommand.class, CheckCommand.class, ParseCommand.class, SubmitCommand.class,
                CrawlCommand.class, RosterCommand.class, BenchCommand.class, AlertsCommand.class, ReviewCommand.class, ServeCommand.class,
                ReplayCommand.class, HistoryCommand.class, RejectedCommand.class,
                CommandLine.HelpCommand.class})
public final class Monitor {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Monitor());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Usage errors exit 2 (picocli's default), failures 1; messages name what was wrong, not a stack trace.
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + gongkai.text.SafeText.forLog(e.getMessage(), 2000));
            return 1;
        });
        return cl;
    }
}
