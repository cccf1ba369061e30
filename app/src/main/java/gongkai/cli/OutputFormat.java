package gongkai.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} of the commands that print records: text for people, one JSON object per line for scripts. */
final class OutputFormat {
    enum Format { text, json }

    @Option(names = "--format", description = "text, or json (one object per line). Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    Format format = Format.text;

    boolean json() {
        return format == Format.json;
    }
}
