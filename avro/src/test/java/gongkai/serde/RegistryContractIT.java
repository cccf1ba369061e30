package gongkai.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import gongkai.avro.ReportSubmission;
import gongkai.testkit.LocalCluster;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry protocol and the wire format against real servers: a real KRaft broker, the
 * independent Apicurio Registry (ccompat API) and our own embedded registry, which must behave the
 * same way as Apicurio on every point the monitor relies on.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RegistryContractIT {
    @RegisterExtension
    static final LocalCluster cluster = LocalCluster.withApicurio("contract");

    static Stream<String> registries() {
        return Stream.of("apicurio", "embedded");
    }

    static String url(String which) {
        return which.equals("apicurio") ? cluster.apicurioUrl() : cluster.registryUrl();
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
        cluster.createTopics(1, topic);
        var client = new RestSchemaRegistryClient(url(which));
        var serde = new AvroSerde<>(ReportSubmission.class, client, true);
        ReportSubmission sent = ReportSubmission.newBuilder().setSubmissionId("s-1")
                .setContent(ByteBuffer.wrap("北京市大兴区瀛海镇人民政府 2023年政府信息公开工作年度报告".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setContentType("text/plain").setSource("daxing-yinghai-2023.txt").setSubmitter("it")
                .setReceivedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setSha256("00ff").build();

        try (var producer = cluster.producer(new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topic, "k", sent)).get();
        }
        List<ConsumerRecord<String, byte[]>> got = cluster.readCommitted(topic, new ByteArrayDeserializer(), "the record",
                records -> !records.isEmpty());
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
