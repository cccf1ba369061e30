package gongkai.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import gongkai.local.LocalKafka;
import gongkai.local.LocalSchemaRegistry;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import gongkai.topics.MonitorSerdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** (b) The broker stops mid-run and starts again on the same directory (same ports, same data); the application recovers by itself. */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class BrokerRestartIT {
    @TempDir
    Path dir;

    @Test
    void brokerRestartedMidRunLosesAndDuplicatesNothing() {
        History h = FaultSupport.history(202);
        History probe = FaultSupport.probe(202);
        int n = h.size();
        int half = n / 2;
        Topics topics = FaultSupport.topics("restart.");
        LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"));
        LocalSchemaRegistry registry = null;
        ComplianceApp app = null;
        try {
            registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0);
            String bootstrap = kafka.bootstrapServers();
            FaultSupport.create(bootstrap, topics);
            MonitorSerdes serdes = FaultSupport.serdes(registry.url());
            var clients = FaultSupport.clients(bootstrap);
            try (OutcomeCounter counter = new OutcomeCounter(clients, topics, serdes)) {
                try (SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false)) {
                    FaultSupport.send(loader, h, 0, half);
                }
                app = ComplianceApp.start(FaultSupport.config(bootstrap, registry.url(), dir.resolve("state"), "bench-restart"), topics);
                assertTrue(counter.awaitDone(0, half, Math.max(1, half / 4), Duration.ofSeconds(120)),
                        "progress before the restart: " + counter.done(0, half) + " of " + half);
                kafka.close();
                int atStop = counter.done(0, n);
                kafka = LocalKafka.start(dir.resolve("kafka"));
                assertTrue(bootstrap.equals(kafka.bootstrapServers()), "same address after the restart");
                try (SubmissionLoader loader = new SubmissionLoader(clients, topics.submissions(), serdes.submissions(), false)) {
                    FaultSupport.send(loader, h, half, n);
                    assertTrue(counter.awaitDone(0, n, Duration.ofSeconds(150)),
                            "after the broker restart every submission is accounted for: " + counter.done(0, n) + " of " + n
                                    + " (Kafka Streams is " + app.streams().state() + ")");
                    FaultSupport.assertAnswers(loader, counter, probe, n);
                }
                FaultSupport.assertExactlyOnce(counter, h, probe, n + 1, h.count(History.Kind.GARBAGE));
                assertTrue(app.streams().state().isRunningOrRebalancing(), "still running: " + app.streams().state());
                System.out.printf("BrokerRestartIT: broker stopped with %d of %d accounted for; after restart all %d, alerts exactly once%n",
                        atStop, n, n);
            }
        } finally {
            if (app != null) {
                app.close();
            }
            if (registry != null) {
                registry.close();
            }
            kafka.close();
        }
    }
}
