package gongkai.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scale-out: three instances of the topology, each a JVM of its own with its own state directory, under one
 * application id against one broker. The partitions are shared between them; one is SIGKILLed mid-run and the two
 * others take over its tasks (one standby replica each, the default): every submission is still judged exactly once
 * and every alert raised exactly once. Prints how long the takeover took.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ScaleOutIT {
    private static final String APP_ID = "bench-scale";
    private static final String PREFIX = "scale.";
    private static final List<String> INSTANCES = List.of("scale-a", "scale-b", "scale-c");
    private static final int TRANSACTION_TIMEOUT_MS = 10_000;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void instancesSharePartitionsAndSurvivorsTakeOverAKilledOne() throws Exception {
        long testStart = System.nanoTime();
        History h = FaultSupport.history(303);
        History probe = FaultSupport.probe(303);
        int n = h.size();
        int half = n / 2;
        Topics topics = FaultSupport.topics(PREFIX);
        Map<String, Process> running = new LinkedHashMap<>();
        String bootstrap = cluster.bootstrapServers();
        FaultSupport.create(bootstrap, topics);
        MonitorSerdes serdes = FaultSupport.serdes(cluster.registryUrl());
        var clients = FaultSupport.clients(bootstrap);
        long began = System.nanoTime();
        try (Admin admin = Admin.create(clients);
             SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false);
             OutcomeCounter counter = new OutcomeCounter(clients, topics, serdes)) {
            for (String name : INSTANCES) {
                // client.id names the instance in the consumer group, so the test can tell whose partitions are whose.
                // A survivor reads past the dead instance's open transaction only once the broker aborts it: the
                // test pins Kafka Streams' own exactly-once timeout (10 s) so that the takeover it measures fits CI.
                running.put(name, FaultSupport.streamsChild(bootstrap, cluster.registryUrl(), cluster.newDirectory("state-" + name), APP_ID, PREFIX,
                        name, "client.id=" + name, "producer.transaction.timeout.ms=" + TRANSACTION_TIMEOUT_MS));
            }
            // The first half waits in the log while the JVMs start and the group forms.
            FaultSupport.send(loader, h, 0, half);
            Set<TopicPartition> inputs = partitions(topics.submissions());
            Map<String, Set<TopicPartition>> shared = awaitAssignment(admin, INSTANCES, inputs, Duration.ofSeconds(60));
            double formed = (System.nanoTime() - began) / 1e9;
            assertTrue(counter.awaitDone(0, half, Math.max(1, half / 8), Duration.ofSeconds(60)),
                    "the instances make progress: " + counter.done(0, half) + " of " + half);

            // Kill an instance that reads submissions, so its partitions visibly stop until someone takes them over.
            String victim = INSTANCES.stream().filter(i -> shared.get(i).stream().anyMatch(inputs::contains)).findFirst().orElseThrow();
            Set<TopicPartition> orphaned = new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString));
            shared.get(victim).stream().filter(inputs::contains).forEach(orphaned::add);
            long killedAt = System.nanoTime();
            System.out.printf("ScaleOutIT: broker and registry up in %.1f s, group of %d formed %.1f s later, killing after %.1f s more%n",
                    (began - testStart) / 1e9, INSTANCES.size(), formed, (killedAt - began) / 1e9 - formed);
            Process killed = running.remove(victim);
            killed.destroyForcibly();
            assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "the killed JVM is gone");
            int atKill = counter.done(0, n);
            FaultSupport.send(loader, h, half, n);

            // The first submission sent after the kill to a partition the victim read: judged only once a survivor owns it.
            int witness = firstOn(h, half, n, orphaned);
            assertTrue(witness >= 0, "a submission after the kill lands on the killed instance's partitions " + orphaned);
            assertTrue(counter.awaitDone(witness, witness + 1, Duration.ofSeconds(60)),
                    "a survivor takes over " + orphaned + " and judges submission " + witness);
            double takeover = (System.nanoTime() - killedAt) / 1e9;
            List<String> survivors = List.copyOf(running.keySet());
            Map<String, Set<TopicPartition>> after = awaitAssignment(admin, survivors, inputs, Duration.ofSeconds(30));

            assertTrue(counter.awaitDone(0, n, Duration.ofSeconds(60)),
                    "the survivors account for every submission: " + counter.done(0, n) + " of " + n);
            double caughtUp = (System.nanoTime() - killedAt) / 1e9;
            FaultSupport.assertAnswers(loader, counter, probe, n);
            FaultSupport.assertExactlyOnce(counter, h, probe, n + 1, h.count(History.Kind.GARBAGE));
            double checked = (System.nanoTime() - killedAt) / 1e9;
            running.values().forEach(p -> assertTrue(p.isAlive(), "the survivors still run"));
            System.out.printf("ScaleOutIT: %d instances (group formed in %.1f s) shared %s; killed %s (owning %s) with %d of %d accounted for;"
                            + " survivors %s judged its first orphaned submission %.1f s after the SIGKILL (session timeout 6 s, transaction timeout %d s),"
                            + " all %d accounted for after %.1f s; probe answered and every alert checked raised exactly once after %.1f s%n",
                    INSTANCES.size(), formed, shared, victim, orphaned, atKill, n, after, takeover, TRANSACTION_TIMEOUT_MS / 1000, n, caughtUp, checked);
        } finally {
            for (Process p : running.values()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Set<TopicPartition> partitions(String topic) {
        Set<TopicPartition> out = new HashSet<>();
        for (int p = 0; p < FaultSupport.PARTITIONS; p++) {
            out.add(new TopicPartition(topic, p));
        }
        return out;
    }

    /**
     * Polls the application's consumer group until exactly these instances are its members, each owns some partition,
     * and between them they read every partition of {@code inputs}; returns what each owns.
     */
    private static Map<String, Set<TopicPartition>> awaitAssignment(Admin admin, List<String> instances, Set<TopicPartition> inputs,
                                                                      Duration timeout) throws InterruptedException, ExecutionException {
        AtomicReference<Map<String, Set<TopicPartition>>> owned = new AtomicReference<>(Map.of());
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                owned.set(assignment(admin));
                return owned.get();
            }, now -> {
                Set<TopicPartition> all = new HashSet<>();
                now.values().forEach(all::addAll);
                Predicate<String> owns = i -> !now.getOrDefault(i, Set.of()).isEmpty();
                return now.keySet().equals(Set.copyOf(instances)) && instances.stream().allMatch(owns) && all.containsAll(inputs);
            });
        } catch (ConditionTimeoutException notShared) {
            assertEquals(Set.copyOf(instances), owned.get().keySet(), "the group's members within " + timeout + ": " + owned.get());
            throw new AssertionError("the partitions are not shared between " + instances + " within " + timeout + ": " + owned.get());
        }
    }

    /** Partitions per instance, by the client.id prefix each instance's consumer carries. */
    private static Map<String, Set<TopicPartition>> assignment(Admin admin) throws InterruptedException, ExecutionException {
        Map<String, Set<TopicPartition>> out = new LinkedHashMap<>();
        org.apache.kafka.clients.admin.ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(APP_ID)).all().get().get(APP_ID);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) {
                return out; // no instance has joined yet
            }
            throw e;
        }
        for (MemberDescription m : group.members()) {
            String instance = INSTANCES.stream().filter(i -> m.clientId().startsWith(i + "-")).findFirst().orElse(m.clientId());
            out.computeIfAbsent(instance, k -> new TreeSet<>(java.util.Comparator.comparing(TopicPartition::toString)))
                    .addAll(m.assignment().topicPartitions());
        }
        return out;
    }

    /** The first event in [from, to) whose key the producer's default partitioner sends to one of these partitions, or -1. */
    private static int firstOn(History h, int from, int to, Set<TopicPartition> partitions) {
        for (History.Event e : h.events().subList(from, to)) {
            byte[] key = h.submission(e).getSource().getBytes(StandardCharsets.UTF_8);
            int p = Utils.toPositive(Utils.murmur2(key)) % FaultSupport.PARTITIONS;
            if (partitions.stream().anyMatch(tp -> tp.partition() == p)) {
                return e.seq();
            }
        }
        return -1;
    }
}
