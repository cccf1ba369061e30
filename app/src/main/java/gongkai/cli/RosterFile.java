package gongkai.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A roster file: one agency per line, its name optionally followed by {@code |} and the other names its reports use,
 * separated by commas ({@code 北京市朝阳区金盏乡人民政府 | 朝阳区金盏乡人民政府, 金盏乡}); {@code #} starts a comment line.
 */
final class RosterFile {
    private RosterFile() {
    }

    record Line(String agency, List<String> aliases) {
    }

    /** @throws IllegalArgumentException naming the file and line of a line with aliases but no name */
    static List<Line> read(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf('|');
            String name = (bar < 0 ? line : line.substring(0, bar)).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": no agency name before |");
            }
            List<String> aliases = new ArrayList<>();
            if (bar >= 0) {
                for (String a : line.substring(bar + 1).split("[,，、]")) {
                    String alias = a.strip();
                    if (!alias.isEmpty() && !alias.equals(name) && !aliases.contains(alias)) {
                        aliases.add(alias);
                    }
                }
            }
            out.add(new Line(name, List.copyOf(aliases)));
        }
        return out;
    }
}
