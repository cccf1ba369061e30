package gongkai.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Kafka Streams' local state of an application: what {@code KafkaStreams#cleanUp()} deletes, for one that is not running. */
final class LocalState {
    private LocalState() {
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete the local state " + dir + ": " + e.getMessage(), e);
        }
    }
}
