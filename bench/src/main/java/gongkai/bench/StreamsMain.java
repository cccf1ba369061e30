package gongkai.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import gongkai.config.MonitorConfig;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;

/**
 * The compliance topology alone in a JVM of its own, for the fault test that kills it (SIGKILL, no clean shutdown)
 * and starts it again on the same state directory, and for the scale-out test that runs several of it under one
 * application id. Arguments: bootstrap servers, registry URL, state directory, application id, submission topic,
 * output topic prefix, partitions, then any further settings as {@code key=value}. Runs until the process is killed.
 */
public final class StreamsMain {
    private StreamsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 7) {
            System.err.println("usage: StreamsMain BOOTSTRAP REGISTRY_URL STATE_DIR APPLICATION_ID SUBMISSIONS_TOPIC OUTPUT_PREFIX PARTITIONS [KEY=VALUE...]");
            System.exit(2);
        }
        Map<String, String> flags = new HashMap<>();
        flags.put(MonitorConfig.BOOTSTRAP_SERVERS, args[0]);
        flags.put(MonitorConfig.SCHEMA_REGISTRY_URL, args[1]);
        flags.put(MonitorConfig.STATE_DIR, args[2]);
        flags.put(MonitorConfig.APPLICATION_ID, args[3]);
        flags.put(MonitorConfig.TOPIC_PARTITIONS, args[6]);
        // A killed member never says goodbye: let the group notice within seconds rather than 45.
        flags.put("session.timeout.ms", "6000");
        flags.put("heartbeat.interval.ms", "1000");
        for (int i = 7; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("not a KEY=VALUE setting: " + args[i]);
                System.exit(2);
            }
            flags.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        MonitorConfig config = MonitorConfig.load(null, Map.of(), flags);
        ComplianceApp app = ComplianceApp.start(config, Topics.withOutputPrefix(args[4], args[5]));
        System.out.println("started " + app.streams().state());
        new CountDownLatch(1).await();
    }
}
