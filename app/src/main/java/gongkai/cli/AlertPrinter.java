package gongkai.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gongkai.avro.ComplianceAlert;
import gongkai.config.MonitorConfig;
import gongkai.topics.Topics;
import gongkai.topics.MonitorSerdes;
import gongkai.watch.AlertFormatter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Prints committed alert events as they arrive, from now on, until closed. */
final class AlertPrinter implements AutoCloseable {
    private final KafkaConsumer<String, ComplianceAlert> consumer;
    private final Thread thread;

    private AlertPrinter(KafkaConsumer<String, ComplianceAlert> consumer, Topics topics, PrintStream out) {
        this.consumer = consumer;
        consumer.subscribe(List.of(topics.alertEvents()));
        this.thread = new Thread(() -> {
            try {
                while (true) {
                    consumer.poll(Duration.ofMillis(250)).forEach(r -> out.println(AlertFormatter.text(r.value())));
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }, "alert-printer");
        thread.setDaemon(true);
        thread.start();
    }

    static AlertPrinter start(MonitorConfig config, Topics topics, PrintStream out) {
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        Map<String, Object> p = config.clientProperties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "gongkai-alert-printer-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new AlertPrinter(new KafkaConsumer<>(p, new StringDeserializer(), serdes.alerts().deserializer()), topics, out);
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
