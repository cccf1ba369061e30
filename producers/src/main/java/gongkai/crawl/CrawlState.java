package gongkai.crawl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import gongkai.text.SafeText;

/**
 * What earlier crawls published: one line per document version, {@code sha256 TAB url TAB when};
 * and for each document URL the validators its server last sent,
 * {@code validators TAB url TAB etag TAB last-modified TAB sha256} (empty fields for none), so that
 * the next crawl can ask whether it changed instead of downloading it again.
 * A document is new when its content hash has not been published before, from any URL: a report
 * re-posted under another URL is the same report, and a report changed at the same URL is a new
 * version. The file is rewritten whole and moved into place after each document, so a crawl
 * interrupted at any point leaves either the old or the new state, never half of one.
 */
public final class CrawlState {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One published document version. */
    public record Entry(String sha256, String url, Instant publishedAt) {
    }

    private final Path file;
    private static final String VALIDATORS = "validators";

    private final Map<String, Entry> byHash = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    /** By document URL as linked: what its server said identifies the version published (or found already published). */
    private final Map<String, Known> validatorsByUrl = new java.util.LinkedHashMap<>();

    /** The validators of the version of a document whose content hash is known. */
    private record Known(Validators validators, String sha256) {
    }

    private CrawlState(Path file) {
        this.file = file;
    }

    /** State kept in memory only: for a dry run, which must not remember anything. */
    public static CrawlState inMemory() {
        return new CrawlState(null);
    }

    /** The state in {@code file}, empty if the file does not exist yet. */
    public static CrawlState load(Path file) throws IOException {
        CrawlState state = new CrawlState(file);
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split("\t", -1);
                if (f.length == 5 && f[0].equals(VALIDATORS) && SHA256.matcher(f[4]).matches()) {
                    state.validatorsByUrl.put(f[1], new Known(new Validators(blankToNull(f[2]), blankToNull(f[3])), f[4]));
                    continue;
                }
                if (f.length != 3 || !SHA256.matcher(f[0]).matches()) {
                    // Guessing past a damaged line could republish (or silently drop) documents: let a person look.
                    throw new IOException(file + ":" + (i + 1) + ": not a crawl state line (sha256<TAB>url<TAB>instant)");
                }
                try {
                    state.add(new Entry(f[0], f[1], Instant.parse(f[2])));
                } catch (DateTimeParseException e) {
                    throw new IOException(file + ":" + (i + 1) + ": not an instant: " + SafeText.forLog(f[2]), e);
                }
            }
        }
        return state;
    }

    /** A copy that remembers in memory only. */
    public CrawlState detached() {
        CrawlState copy = inMemory();
        entries.forEach(copy::add);
        copy.validatorsByUrl.putAll(validatorsByUrl);
        return copy;
    }

    /**
     * The validators to send for a document URL: only those of a version that was published, so that a
     * 304 answer means "what you published is current".
     */
    public Validators validators(String url) {
        Known k = validatorsByUrl.get(url);
        return k == null || !byHash.containsKey(k.sha256()) ? Validators.NONE : k.validators();
    }

    /** Remembers what the server said identifies the published version at this URL, and saves the state unless in memory only. */
    public void rememberValidators(String url, Validators validators, String sha256) throws IOException {
        checkStorable(url);
        Known k = new Known(validators, sha256);
        if (validators.isEmpty() ? validatorsByUrl.remove(url) == null : k.equals(validatorsByUrl.put(url, k))) {
            return;
        }
        if (file != null) {
            save();
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static void checkStorable(String url) {
        if (url.contains("\t") || url.contains("\n") || url.contains("\r")) {
            throw new IllegalArgumentException("URL with a tab or line break cannot be stored");
        }
    }

    /** The earlier publication of this content, if any. */
    public Optional<Entry> published(String sha256) {
        return Optional.ofNullable(byHash.get(sha256));
    }

    public int size() {
        return entries.size();
    }

    /** Remembers a published document and, unless in memory only, saves the state before returning. */
    public void remember(String sha256, String url, Instant when) throws IOException {
        checkStorable(url);
        add(new Entry(sha256, url, when));
        if (file != null) {
            save();
        }
    }

    private void add(Entry e) {
        entries.add(e);
        byHash.putIfAbsent(e.sha256(), e);
    }

    private void save() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.sha256()).append('\t').append(e.url()).append('\t').append(e.publishedAt()).append('\n');
        }
        validatorsByUrl.forEach((url, k) -> text.append(VALIDATORS).append('\t').append(url).append('\t')
                .append(k.validators().etag() == null ? "" : k.validators().etag()).append('\t')
                .append(k.validators().lastModified() == null ? "" : k.validators().lastModified()).append('\t')
                .append(k.sha256()).append('\n'));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                // On disk before it replaces the old state, or a power cut could leave an empty file behind.
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
