package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One command run in-process as {@code ./monitor} runs it, with what it printed to standard output and error. */
record CommandRun(List<String> args, int exit, String out, String err) {

    static CommandRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        // Set before the command line is made: picocli's own writers wrap the streams current at that moment.
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Monitor.commandLine().execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new CommandRun(List.of(args), exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command, fails the test unless it exits 0, and returns its standard output. */
    static String succeeding(String... args) {
        CommandRun run = of(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ":\n" + run.out() + run.err());
        return run.out();
    }

    /** Standard output and error together, for what may be printed to either. */
    String printed() {
        return out + err;
    }
}
