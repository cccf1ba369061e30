package gongkai.serde;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import gongkai.avro.ReportSubmission;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same round trip as {@link RegistryContractIT}, against the official Apache Kafka image and
 * Confluent's own Schema Registry image, for machines that have Docker. Skipped where there is no
 * Docker engine (as on our CI, which proves the flow with real local servers instead).
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DockerRoundTripIT {
    static final Network network = Network.newNetwork();

    @Container
    static final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.3.1"))
            .withNetwork(network).withNetworkAliases("kafka")
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> registry = new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0"))
            .withNetwork(network).dependsOn(kafka).withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

    @Test
    void submissionRoundTripsThroughConfluentRegistry() {
        String url = "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
        var serde = new AvroSerde<>(ReportSubmission.class, new RestSchemaRegistryClient(url), true);
        String topic = "gongkai.submissions";
        ReportSubmission sent = ReportSubmission.newBuilder().setSubmissionId(UUID.randomUUID().toString())
                .setContent(ByteBuffer.wrap(new byte[] {1, 2, 3})).setSource("x.txt").setSubmitter("tc")
                .setReceivedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).setSha256("ab").build();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.getBootstrapServers()),
                new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "k", sent));
        }
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.getBootstrapServers(),
                "group.id", "tc", "auto.offset.reset", "earliest"), new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            AtomicReference<ReportSubmission> got = new AtomicReference<>();
            await("the record back").atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(1)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> got.set(r.value()));
                return got.get() != null;
            });
            assertEquals(sent, got.get());
        }
    }
}
