package gongkai.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import gongkai.avro.DisclosureReport;
import gongkai.parse.ReportJson;
import gongkai.parse.ReportParser;
import gongkai.parse.ReportRejectedException;
import gongkai.parse.ReportTables;
import gongkai.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code monitor parse FILE...}: parses report files (text, HTML, .docx, PDF) and prints them. Exit 0 if every
 * file parsed, 1 if any was rejected, 2 if any could not be read. With --format json, one JSON document per file.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse 政府信息公开工作年度报告 files and print the result.")
public class ParseCommand implements Callable<Integer> {
    enum Format { json, table }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Report files: text, HTML, .docx or PDF.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "json", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--max-bytes", defaultValue = "" + ReportParser.DEFAULT_MAX_BYTES, description = "Reject files larger than this (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec != null ? spec.commandLine().getOut() : new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        ReportParser parser = new ReportParser(maxBytes);
        int exit = 0;
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException | OutOfMemoryError e) {
                err.println("unreadable: " + SafeText.oneLine(file.toString()) + ": " + SafeText.oneLine(String.valueOf(e.getMessage())));
                exit = 2;
                continue;
            }
            try {
                DisclosureReport report = parser.parse(bytes, file.toString());
                // JSON escapes control characters itself; the table view is made terminal-safe by ReportTables.
                out.println(format == Format.json ? ReportJson.toJson(report) : ReportTables.render(report));
            } catch (ReportRejectedException e) {
                err.println("rejected: " + SafeText.oneLine(file.toString()) + ": " + e.reason() + ": " + SafeText.oneLine(e.detail()));
                exit = Math.max(exit, 1);
            }
            out.flush();
        }
        err.flush();
        return exit;
    }
}
