package gongkai.topology;

import java.time.Duration;
import java.util.Properties;

import gongkai.topics.MonitorSerdes;
import gongkai.config.MonitorConfig;
import gongkai.intake.PoisonSubmissionHandler;
import gongkai.topics.SubmissionWindow;
import gongkai.intake.UnwritableOutputHandler;
import gongkai.rules.PublicationDeadline;
import gongkai.rules.RuleCatalog;
import gongkai.topics.Replication;
import gongkai.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the compliance topology against a cluster: creates the topics, wires config and serdes, starts Kafka Streams. */
public final class ComplianceApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ComplianceApp.class);

    private final KafkaStreams streams;
    private final Topics topics;

    private ComplianceApp(KafkaStreams streams, Topics topics) {
        this.streams = streams;
        this.topics = topics;
    }

    public static Properties streamsProperties(MonitorConfig config, Topics topics) {
        Properties p = config.kafkaProperties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, Short.toString(config.replicationFactor()));
        // Changelogs and repartition topics get the same min ISR as the monitor's own topics.
        Replication.forFactor(config.replicationFactor()).configs().forEach((k, v) -> p.putIfAbsent(StreamsConfig.topicPrefix(k), v));
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, PoisonSubmissionHandler.class.getName());
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, UnwritableOutputHandler.class.getName());
        p.put(PoisonSubmissionHandler.REJECTED_TOPIC_CONFIG, topics.rejected());
        p.put(PoisonSubmissionHandler.REGISTRY_URL_CONFIG, config.schemaRegistryUrl());
        p.put(PoisonSubmissionHandler.MAX_DOCUMENT_BYTES_CONFIG, Long.toString(config.maxDocumentBytes()));
        // Changelogs hold parsed reports as the output topics do: same record limit.
        p.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Integer.toString(config.recordLimits().maxRecordBytes()));
        p.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), Long.toString(transactionTimeoutMillis(config)));
        return p;
    }

    /**
     * A transaction spans the records processed between two commits, about one per task once a slow record has
     * made the commit interval pass; each may take a whole parse budget. The timeout outlasts twice that, so a
     * slow document never gets the producer fenced and a batch of other submissions reprocessed.
     */
    static long transactionTimeoutMillis(MonitorConfig config) {
        return Math.max(60_000, 2L * config.parseBudgetMillis() * config.partitions() + 10_000);
    }

    public static Topology topology(MonitorConfig config, Topics topics, SubmissionWindow window) {
        MonitorSerdes serdes = MonitorSerdes.forConfig(config);
        return ComplianceTopology.build(topics, serdes, config.parser(), rules(config), window);
    }

    /** The rule catalog as configured: severity overrides and publication deadlines per agency level. */
    public static RuleCatalog rules(MonitorConfig config) {
        return new RuleCatalog(config.severityOverrides(), PublicationDeadline.fromConfig(config.asMap()));
    }

    /** Creates missing topics, then starts the streams application over the whole submission log. */
    public static ComplianceApp start(MonitorConfig config, Topics topics) {
        return start(config, topics, SubmissionWindow.ALL);
    }

    /** Creates missing topics, then starts the streams application over the given span of the submission log. */
    public static ComplianceApp start(MonitorConfig config, Topics topics, SubmissionWindow window) {
        // Kafka Streams' internal topics get the replication the monitor's own topics got.
        Replication replication = createTopics(config, topics);
        config = config.with(MonitorConfig.TOPIC_REPLICATION, Short.toString(replication.factor()));
        Topology topology = topology(config, topics, window);
        KafkaStreams streams = new KafkaStreams(topology, streamsProperties(config, topics));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("stream thread failed, replacing it: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        log.info("compliance topology started: application.id={} bootstrap={} submissions={}", config.applicationId(),
                config.bootstrapServers(), topics.submissions());
        log.info("configuration (secrets masked): {}", config.masked());
        return new ComplianceApp(streams, topics);
    }

    /**
     * Creates whichever of the topics do not exist yet, with the configured partitions and replication; returns the
     * replication they were given (decided from the cluster's size unless configured).
     */
    public static Replication createTopics(MonitorConfig config, Topics topics) {
        try (Admin admin = Admin.create(config.clientProperties())) {
            var created = topics.create(admin, config.partitions(), config.replicationFactor(), config.recordLimits());
            Replication replication = Replication.of(admin, config.replicationFactor());
            if (!created.isEmpty()) {
                log.info("created topics {} with replication factor {}, min.insync.replicas {}", created, replication.factor(),
                        replication.minInsync());
            }
            return replication;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the cluster for its size", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot ask the cluster for its size: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topics topics() {
        return topics;
    }

    /**
     * Leaves the consumer group on a clean shutdown: Kafka Streams would otherwise keep the member
     * until its session times out (45 s), and a restart (or the next replay step) would wait for it.
     */
    @Override
    public void close() {
        streams.close(org.apache.kafka.streams.CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(org.apache.kafka.streams.CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }
}
