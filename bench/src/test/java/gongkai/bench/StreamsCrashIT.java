package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import gongkai.testkit.LocalCluster;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * (a) The streams application is killed mid-run (SIGKILL of its JVM: no clean shutdown, transactions left open)
 * and started again on the same state directory. Exactly once must hold across the crash.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StreamsCrashIT {
    @RegisterExtension
    final LocalCluster cluster = new LocalCluster();

    @Test
    void killedMidRunAndRestartedLosesAndDuplicatesNothing() throws Exception {
        History h = FaultSupport.history(101);
        History probe = FaultSupport.probe(101);
        int n = h.size();
        int half = n / 2;
        Topics topics = FaultSupport.topics("crash.");
        FaultSupport.create(cluster.bootstrapServers(), topics);
        MonitorSerdes serdes = FaultSupport.serdes(cluster.registryUrl());
        var clients = FaultSupport.clients(cluster.bootstrapServers());
        Path state = cluster.newDirectory("state");
        Process first = null;
        Process second = null;
        try (SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false);
             OutcomeCounter counter = new OutcomeCounter(clients, topics, serdes)) {
            FaultSupport.send(loader, h, 0, half);
            first = child(cluster.bootstrapServers(), cluster.registryUrl(), state, topics, "first");
            assertTrue(counter.awaitDone(0, half, Math.max(1, half / 4), Duration.ofSeconds(120)),
                    "the first instance makes progress: " + counter.done(0, half) + " of " + half);
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the killed JVM is gone");
            int atKill = counter.done(0, n);
            // The rest arrives while nothing runs.
            FaultSupport.send(loader, h, half, n);
            assertTrue(atKill < n, "killed mid-run: " + atKill + " of " + n + " done");

            second = child(cluster.bootstrapServers(), cluster.registryUrl(), state, topics, "second");
            assertTrue(counter.awaitDone(0, n, Duration.ofSeconds(150)),
                    "after the restart every submission is accounted for: " + counter.done(0, n) + " of " + n);
            FaultSupport.assertAnswers(loader, counter, probe, n);
            FaultSupport.assertExactlyOnce(counter, h, probe, n + 1, h.count(History.Kind.GARBAGE));
            System.out.printf("StreamsCrashIT: killed with %d of %d accounted for; after restart all %d, alerts exactly once%n",
                    atKill, n, n);
        } finally {
            for (Process p : new Process[] {first, second}) {
                if (p != null) {
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    private Process child(String bootstrap, String registry, Path state, Topics topics, String name) throws IOException {
        return FaultSupport.streamsChild(bootstrap, registry, state, "bench-crash", "crash.", "streams-crash-" + name);
    }
}
