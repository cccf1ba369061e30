package gongkai.crawl;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import gongkai.text.SafeText;

/**
 * The seeds file: one listing page URL per line, optionally followed by {@code | agency name}, the
 * agency the reports on that page belong to (used when a report does not name its agency). Blank
 * lines and lines starting with {@code #} are ignored.
 */
public final class SeedList {
    /** A listing page to crawl and the agency named for it in the seeds file, or null. */
    public record Seed(URI listing, String agencyHint) {
    }

    private SeedList() {
    }

    public static List<Seed> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** @throws IllegalArgumentException naming the line of the first entry that is not an http(s) URL */
    public static List<Seed> parse(String text, String name) {
        List<Seed> seeds = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int bar = line.indexOf('|');
            String url = (bar < 0 ? line : line.substring(0, bar)).strip();
            String agency = bar < 0 ? null : line.substring(bar + 1).strip();
            seeds.add(new Seed(httpUri(url, name + ":" + (i + 1)), agency == null || agency.isEmpty() ? null : agency));
        }
        return seeds;
    }

    private static URI httpUri(String url, String where) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the line it came from
        }
        throw new IllegalArgumentException(where + ": not an http(s) URL: " + SafeText.forLog(url));
    }
}
