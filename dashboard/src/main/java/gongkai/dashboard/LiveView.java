package gongkai.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import gongkai.avro.AlertReview;
import gongkai.avro.ComplianceAlert;
import gongkai.avro.DisclosureReport;
import gongkai.avro.RejectedSubmission;
import gongkai.avro.ReportVerdict;
import gongkai.serde.AvroSerde;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer-side materialized view: one consumer, no group, assigned every partition of the topics
 * the dashboard shows, read from the beginning (read_committed) and then followed. It reads the topics
 * the topology writes, so it does not matter how many instances of the topology write them.
 */
final class LiveView implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveView.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final MonitorSerdes serdes;
    private final AvroSerde<AlertReview> reviewSerde;
    private final ViewState state;
    private final EventHub hub;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;

    LiveView(Map<String, Object> clientConfig, Topics topics, MonitorSerdes serdes, AvroSerde<AlertReview> reviewSerde,
             ViewState state, EventHub hub) {
        Map<String, Object> p = new HashMap<>(clientConfig);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "gongkai-dashboard-" + UUID.randomUUID());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.serdes = serdes;
        this.reviewSerde = reviewSerde;
        this.state = state;
        this.hub = hub;
        this.thread = new Thread(this::run, "dashboard-view");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits until everything that was on the topics when the view started has been read. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean ready() {
        return ready.getCount() == 0;
    }

    private void run() {
        try {
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : List.of(topics.openAlerts(), topics.verdicts(), topics.alertEvents(), topics.parsed(), topics.rejected(),
                    topics.reviews())) {
                consumer.partitionsFor(t, Duration.ofSeconds(30)).forEach(pi -> parts.add(new TopicPartition(t, pi.partition())));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (!closing) {
                boolean live = ready();
                boolean countsChanged = false;
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    countsChanged |= apply(r, live);
                }
                if (live && countsChanged) {
                    hub.countsChanged();
                }
                if (!live && parts.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    ready.countDown();
                    log.info("dashboard view caught up with {} partition(s)", parts.size());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("the dashboard view stopped reading: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Folds one record into the view; true if the standing alerts changed. */
    private boolean apply(ConsumerRecord<String, byte[]> r, boolean live) {
        String t = r.topic();
        try {
            if (t.equals(topics.openAlerts())) {
                state.openAlert(r.key(), r.value() == null ? null : serdes.alerts().deserialize(t, r.value()));
                return true;
            }
            if (r.value() == null) {
                return false;
            }
            if (t.equals(topics.verdicts())) {
                ReportVerdict v = serdes.verdicts().deserialize(t, r.value());
                state.verdict(r.key(), v);
            } else if (t.equals(topics.alertEvents())) {
                ComplianceAlert a = serdes.alerts().deserialize(t, r.value());
                state.alertEvent(a);
                if (live) {
                    hub.alertEvent(a);
                }
            } else if (t.equals(topics.parsed())) {
                DisclosureReport report = serdes.reports().deserialize(t, r.value());
                state.report(report);
            } else if (t.equals(topics.rejected())) {
                RejectedSubmission rejected = serdes.rejected().deserialize(t, r.value());
                state.rejection(Rejection.of(rejected));
            } else if (t.equals(topics.reviews())) {
                state.review(reviewSerde.deserialize(t, r.value()));
            }
        } catch (RuntimeException e) {
            // A record the view cannot read is skipped, not fatal: the topic keeps it for the tools that can.
            log.warn("dashboard skips an unreadable record at {}-{}@{}: {}", t, r.partition(), r.offset(), e.toString());
        }
        return false;
    }

    @Override
    public void close() {
        closing = true;
        if (!thread.isAlive()) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
