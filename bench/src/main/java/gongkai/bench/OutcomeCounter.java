package gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import gongkai.avro.AlertStatus;
import gongkai.avro.ComplianceAlert;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Watches what the topology writes (parsed, rejected, verdicts, alert events), read_committed from the beginning
 * of each topic, and keeps count per submission (by the {@value History#SEQ_HEADER} header the topology carries
 * from the submission to everything it causes): parsed or rejected, judged, the first alert it caused and when,
 * and how many times each alert key was RAISED or RESOLVED.
 */
public final class OutcomeCounter implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final MonitorSerdes serdes;
    private final Thread thread;
    private volatile boolean running = true;

    private final BitSet parsed = new BitSet();
    private final BitSet rejected = new BitSet();
    private final BitSet judged = new BitSet();
    private final BitSet done = new BitSet();
    private final Map<Integer, Long> firstAlertNanos = new HashMap<>();
    private final Map<String, Integer> raised = new HashMap<>();
    private final Map<String, Integer> resolved = new HashMap<>();
    private final Map<String, Integer> others = new TreeMap<>();
    private final Map<String, Integer> rejectedByCode = new TreeMap<>();
    private long parsedRecords;
    private long twice;
    private long rejectedRecords;
    private long lastProgressNanos;
    private long firstProgressNanos;
    private RuntimeException failure;
    private long catchUpRequested;
    private long caughtUp;
    private Map<TopicPartition, Long> catchUpTarget;

    public OutcomeCounter(Map<String, Object> clients, Topics topics, MonitorSerdes serdes) {
        Map<String, Object> p = new HashMap<>(clients);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-counter-" + UUID.randomUUID());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.serdes = serdes;
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : List.of(topics.parsed(), topics.rejected(), topics.verdicts(), topics.alertEvents())) {
            consumer.partitionsFor(t, Duration.ofSeconds(60)).forEach(pi -> parts.add(new TopicPartition(t, pi.partition())));
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        this.thread = new Thread(this::loop, "bench-outcome-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                long request;
                synchronized (this) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        accept(r, now);
                    }
                    request = catchUpRequested;
                    notifyAll();
                }
                if (request > caughtUp) {
                    if (catchUpTarget == null) {
                        // read_committed: the end offsets are the last stable offsets, what a committed reader can reach.
                        catchUpTarget = consumer.endOffsets(consumer.assignment());
                    }
                    boolean reached = catchUpTarget.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                    if (reached) {
                        synchronized (this) {
                            caughtUp = request;
                            catchUpTarget = null;
                            notifyAll();
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> r, long now) {
        int seq = seq(r);
        if (seq < 0 || r.value() == null) {
            return;
        }
        String t = r.topic();
        if (t.equals(topics.parsed())) {
            parsedRecords++;
            if (parsed.get(seq)) {
                twice++;
            }
            parsed.set(seq);
        } else if (t.equals(topics.rejected())) {
            rejectedRecords++;
            if (rejected.get(seq)) {
                twice++;
            }
            rejected.set(seq);
            rejectedByCode.merge(serdes.rejected().deserialize(t, r.value()).getReasonCode(), 1, Integer::sum);
        } else if (t.equals(topics.verdicts())) {
            judged.set(seq);
        } else if (t.equals(topics.alertEvents())) {
            ComplianceAlert a = serdes.alerts().deserialize(t, r.value());
            firstAlertNanos.putIfAbsent(seq, now);
            if (History.COUNTED_RULES.contains(a.getRuleId())) {
                (a.getStatus() == AlertStatus.RAISED ? raised : resolved).merge(a.getAlertKey(), 1, Integer::sum);
            } else {
                others.merge(a.getRuleId() + " " + a.getSeverity() + " " + a.getStatus(), 1, Integer::sum);
            }
        }
        if (!done.get(seq) && (rejected.get(seq) || parsed.get(seq) && judged.get(seq))) {
            done.set(seq);
            lastProgressNanos = now;
            if (firstProgressNanos == 0) {
                firstProgressNanos = now;
            }
        }
    }

    private static int seq(ConsumerRecord<byte[], byte[]> r) {
        Header h = r.headers().lastHeader(History.SEQ_HEADER);
        if (h == null || h.value() == null) {
            return -1;
        }
        try {
            return Integer.parseInt(new String(h.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Submissions in [from, to) that are parsed and judged, or rejected. */
    public synchronized int done(int from, int to) {
        return done.get(from, to).cardinality();
    }

    /** Waits (on the counter's own progress, with a deadline) until every submission in [from, to) is accounted for. */
    public synchronized boolean awaitDone(int from, int to, Duration timeout) {
        return awaitDone(from, to, to - from, timeout);
    }

    /** Waits until at least {@code atLeast} submissions in [from, to) are accounted for, or the deadline passes. */
    public synchronized boolean awaitDone(int from, int to, int atLeast, Duration timeout) {
        return waitUntil(() -> done(from, to) >= atLeast, timeout, true);
    }

    /**
     * Waits until the counter has read every topic up to the end it has now: after a submission's verdict is seen,
     * the alerts of the same transaction may sit on partitions not read yet. Call before {@link #snapshot}.
     */
    public synchronized boolean awaitCaughtUp(Duration timeout) {
        long request = ++catchUpRequested;
        return waitUntil(() -> caughtUp >= request, timeout, true);
    }

    /** Waits until the alert for this submission has been seen; returns when, in System.nanoTime(), or -1. */
    public synchronized long awaitFirstAlert(int seq, Duration timeout) {
        return waitUntil(() -> firstAlertNanos.containsKey(seq), timeout, false) ? firstAlertNanos.get(seq) : -1;
    }

    /**
     * Waits on this counter's monitor (woken by its reader thread) until the condition holds or the deadline
     * passes; with {@code failFast}, a failure of the reader thread is thrown rather than waited out.
     */
    private boolean waitUntil(java.util.function.BooleanSupplier condition, Duration timeout, boolean failFast) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (failFast && failure != null) {
                throw new IllegalStateException("the outcome counter failed: " + failure, failure);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, Math.min(500, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public synchronized long firstProgressNanos() {
        return firstProgressNanos;
    }

    public synchronized long lastProgressNanos() {
        return lastProgressNanos;
    }

    /** A consistent copy of the counts. */
    public synchronized Snapshot snapshot(int from, int to) {
        BitSet p = parsed.get(from, to);
        BitSet r = rejected.get(from, to);
        BitSet both = (BitSet) p.clone();
        both.and(r);
        BitSet any = (BitSet) p.clone();
        any.or(r);
        return new Snapshot(to - from, p.cardinality(), r.cardinality(), both.cardinality(), (to - from) - any.cardinality(),
                twice, parsedRecords, rejectedRecords, Map.copyOf(raised), Map.copyOf(resolved), new TreeMap<>(others),
                new TreeMap<>(rejectedByCode));
    }

    public record Snapshot(int submitted, int parsed, int rejected, int parsedAndRejected, int unaccounted, long twice, long parsedRecords,
                           long rejectedRecords, Map<String, Integer> raised, Map<String, Integer> resolved,
                           Map<String, Integer> others, Map<String, Integer> rejectedByCode) {
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
