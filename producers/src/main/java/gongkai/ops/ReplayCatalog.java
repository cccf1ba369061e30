package gongkai.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import gongkai.serde.SchemaRegistryClient;
import gongkai.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * The replays a cluster holds and what each leaves behind: its output topics
 * ({@code gongkai.replay.<id>.*}), its Kafka Streams internal topics and consumer group
 * ({@code <application.id>-replay-<id>…}), the registry subjects of those topics, and its local
 * state directory ({@code <data-dir>/replay/<id>}). A replay's result files are the audit's
 * product and are never touched here.
 */
public final class ReplayCatalog {
    /** What one replay occupies. {@code running} is true while its consumer group has members. */
    public record Entry(String id, List<String> topics, List<String> subjects, boolean group, boolean running, Path stateDir) {
    }

    private final Admin admin;
    private final SchemaRegistryClient registry;
    private final String applicationId;
    private final Path dataDir;

    public ReplayCatalog(Admin admin, SchemaRegistryClient registry, String applicationId, Path dataDir) {
        this.admin = admin;
        this.registry = registry;
        this.applicationId = applicationId;
        this.dataDir = dataDir;
    }

    /** The output topic prefix of a replay: the one {@code Replay} gives its topics. */
    public static String topicPrefix(String id) {
        return Topics.DEFAULT_PREFIX + "replay." + id + ".";
    }

    private String appPrefix(String id) {
        return applicationId + "-replay-" + id;
    }

    /** Every replay found on the cluster (by its topics or its consumer group) or on disk, by id. */
    public List<Entry> list() throws InterruptedException, ExecutionException {
        Set<String> topics = admin.listTopics().names().get();
        List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
        List<String> subjects = registry.subjects();
        Set<String> ids = new TreeSet<>();
        String outputPrefix = Topics.DEFAULT_PREFIX + "replay.";
        List<String> suffixes = outputSuffixes();
        for (String t : topics) {
            if (t.startsWith(outputPrefix)) {
                suffixes.stream().filter(sfx -> t.endsWith("." + sfx) && t.length() > outputPrefix.length() + sfx.length() + 1).findFirst()
                        .ifPresent(sfx -> ids.add(t.substring(outputPrefix.length(), t.length() - sfx.length() - 1)));
            }
        }
        String groupPrefix = applicationId + "-replay-";
        groups.stream().filter(g -> g.startsWith(groupPrefix) && g.length() > groupPrefix.length())
                .forEach(g -> ids.add(g.substring(groupPrefix.length())));
        Path replayDirs = dataDir.resolve("replay");
        if (Files.isDirectory(replayDirs)) {
            try (Stream<Path> dirs = Files.list(replayDirs)) {
                dirs.filter(Files::isDirectory).forEach(d -> ids.add(d.getFileName().toString()));
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + replayDirs + ": " + e.getMessage(), e);
            }
        }
        List<Entry> out = new ArrayList<>();
        for (String id : ids) {
            out.add(entry(id, ids, topics, groups, subjects));
        }
        return out;
    }

    /**
     * Deletes what a replay occupies: its consumer group, topics, subjects and local state. Refused while the replay runs.
     *
     * @throws IllegalArgumentException if there is no such replay
     * @throws IllegalStateException    if it is running
     */
    public Entry delete(String id) throws InterruptedException, ExecutionException {
        Entry e = list().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no replay with id " + id + " (./monitor replay --list shows them)"));
        if (e.running()) {
            throw new IllegalStateException("replay " + id + " is running (its consumer group " + appPrefix(id)
                    + " has members): stop it first");
        }
        if (e.group()) {
            try {
                admin.deleteConsumerGroups(List.of(appPrefix(id))).all().get();
            } catch (ExecutionException x) {
                if (!(x.getCause() instanceof GroupIdNotFoundException)) {
                    throw x;
                }
            }
        }
        if (!e.topics().isEmpty()) {
            admin.deleteTopics(e.topics()).all().get();
        }
        for (String subject : e.subjects()) {
            registry.deleteSubject(subject);
        }
        if (e.stateDir() != null) {
            LocalState.delete(e.stateDir());
        }
        return e;
    }

    private Entry entry(String id, Set<String> allIds, Set<String> topics, List<String> groups, List<String> subjects)
            throws InterruptedException, ExecutionException {
        List<String> mine = topics.stream().filter(t -> belongs(t, id, allIds, applicationId)).sorted().toList();
        List<String> mySubjects = subjects.stream().filter(s -> belongs(s, id, allIds, applicationId)).sorted().toList();
        boolean group = groups.contains(appPrefix(id));
        boolean running = false;
        if (group) {
            try {
                ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(appPrefix(id))).describedGroups().get(appPrefix(id)).get();
                running = !g.members().isEmpty();
            } catch (ExecutionException x) {
                if (!(x.getCause() instanceof GroupIdNotFoundException)) {
                    throw x;
                }
            }
        }
        Path state = dataDir.resolve("replay").resolve(id);
        return new Entry(id, mine, mySubjects, group, running, Files.isDirectory(state) ? state : null);
    }

    /**
     * Whether a topic or subject name is this replay's: under its output prefix or its application id, and not
     * under the prefix of another replay whose id starts with this one's ("a" and "a.b", "x" and "x-2").
     */
    static boolean belongs(String name, String id, Set<String> allIds, String applicationId) {
        if (!ownedBy(name, id, applicationId)) {
            return false;
        }
        return allIds.stream().noneMatch(other -> other.length() > id.length() && other.startsWith(id) && ownedBy(name, other, applicationId));
    }

    private static boolean ownedBy(String name, String id, String applicationId) {
        return name.startsWith(topicPrefix(id)) || name.startsWith(applicationId + "-replay-" + id + "-");
    }

    private static List<String> outputSuffixes() {
        Topics bare = Topics.withOutputPrefix("", "");
        return Stream.of(bare.read(), bare.parsed(), bare.rejected(), bare.alertEvents(), bare.openAlerts(), bare.verdicts(), bare.rosterNames())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
