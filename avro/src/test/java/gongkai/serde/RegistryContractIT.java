package gongkai.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import gongkai.avro.ReportSubmission;
import gongkai.local.ApicurioRegistry;
import gongkai.local.LocalKafka;
import gongkai.local.LocalSchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry protocol and the wire format against real servers: a real KRaft broker, the
 * independent Apicurio Registry (ccompat API) and our own embedded registry, which must behave the
 * same way as Apicurio on every point the monitor relies on.
 */
class RegistryContractIT {
    @TempDir
    static Path dir;
    static LocalKafka kafka;
    static ApicurioRegistry apicurio;
    static LocalSchemaRegistry embedded;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(dir.resolve("kafka"));
        apicurio = ApicurioRegistry.start(Path.of("target", "apicurio-contract.log"));
        embedded = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0);
    }

    @AfterAll
    static void stop() {
        if (embedded != null) {
            embedded.close();
        }
        if (apicurio != null) {
            apicurio.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    static Stream<String> registries() {
        return Stream.of("apicurio", "embedded");
    }

    static String url(String which) {
        return which.equals("apicurio") ? apicurio.url() : embedded.url();
    }

    private static Schema v1(String name) {
        return SchemaBuilder.record(name).namespace("gongkai.test").fields()
                .requiredString("agency").requiredInt("year").endRecord();
    }

    @ParameterizedTest
    @MethodSource("registries")
    void registerIsIdempotentAndIdsResolve(String which) {
        var client = new RestSchemaRegistryClient(url(which));
        String subject = "contract-" + UUID.randomUUID() + "-value";
        int id = client.register(subject, v1("Report"));
        var fresh = new RestSchemaRegistryClient(url(which)); // no cache: the registry itself must give the same id
        assertEquals(id, fresh.register(subject, v1("Report")));
        assertEquals(id, fresh.lookupId(subject, v1("Report")));
        assertEquals(v1("Report"), fresh.getById(id));
        assertEquals(id, fresh.latest(subject).id());
    }

    @ParameterizedTest
    @MethodSource("registries")
    void backwardCompatibleEvolutionIsAcceptedAndIncompatibleChangeRefused(String which) {
        var client = new RestSchemaRegistryClient(url(which));
        String subject = "evolve-" + UUID.randomUUID() + "-value";
        int first = client.register(subject, v1("Report"));
        client.setCompatibility(subject, "BACKWARD");
        assertEquals("BACKWARD", client.getCompatibility(subject));

        Schema withDefault = SchemaBuilder.record("Report").namespace("gongkai.test").fields()
                .requiredString("agency").requiredInt("year").name("level").type().stringType().stringDefault("county").endRecord();
        assertTrue(client.isCompatible(subject, withDefault));
        int second = client.register(subject, withDefault);
        assertNotEquals(first, second);
        assertEquals(2, client.latest(subject).version());

        Schema withoutDefault = SchemaBuilder.record("Report").namespace("gongkai.test").fields()
                .requiredString("agency").requiredInt("year").requiredString("level").requiredLong("population").endRecord();
        assertFalse(client.isCompatible(subject, withoutDefault));
        var refused = assertThrows(SchemaRegistryException.class, () -> client.register(subject, withoutDefault));
        assertEquals(409, refused.httpStatus(), refused.getMessage());
        assertTrue(refused.getMessage().contains(subject), refused.getMessage());
    }

    @ParameterizedTest
    @MethodSource("registries")
    void avroRecordRoundTripsThroughTheBrokerInConfluentWireFormat(String which) throws Exception {
        String topic = "roundtrip-" + which + "-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var client = new RestSchemaRegistryClient(url(which));
        var serde = new AvroSerde<>(ReportSubmission.class, client, true);
        ReportSubmission sent = ReportSubmission.newBuilder().setSubmissionId("s-1")
                .setContent(ByteBuffer.wrap("北京市大兴区瀛海镇人民政府 2023年政府信息公开工作年度报告".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setContentType("text/plain").setSource("daxing-yinghai-2023.txt").setSubmitter("it")
                .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setSha256("00ff").build();

        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "k", sent)).get();
        }
        List<ConsumerRecord<String, byte[]>> got = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers(),
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (got.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(got::add);
            }
        }
        assertEquals(1, got.size(), "the record should arrive within 30 s");
        byte[] raw = got.get(0).value();
        assertEquals(0, raw[0], "magic byte");
        int id = ByteBuffer.wrap(raw, 1, 4).getInt();
        assertEquals(ReportSubmission.getClassSchema(), new RestSchemaRegistryClient(url(which)).getById(id),
                "the id on the wire resolves to the writer's schema in the registry");
        assertEquals(sent, serde.deserialize(topic, raw));

        // A reader that only knows the registry, not our classes' cache, decodes the same bytes.
        var reader = new AvroSerde<>(ReportSubmission.class, new RestSchemaRegistryClient(url(which)), false);
        assertEquals(sent, reader.deserialize(topic, raw));

        var unknown = raw.clone();
        ByteBuffer.wrap(unknown, 1, 4).putInt(987654);
        var e = assertThrows(SerializationException.class, () -> reader.deserialize(topic, unknown));
        assertTrue(e.getMessage().contains(topic) && e.getMessage().contains("987654"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("registries")
    void disabledAutoRegisterNamesTheMissingSubject(String which) {
        var serde = new AvroSerde<>(ReportSubmission.class, new RestSchemaRegistryClient(url(which)), false);
        String topic = "unregistered-" + UUID.randomUUID();
        var e = assertThrows(SerializationException.class, () -> serde.schemaIdFor(topic));
        assertTrue(e.getMessage().contains(topic + "-value"), e.getMessage());
    }
}
