package gongkai.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import gongkai.avro.DisclosureReport;
import gongkai.parse.ReportParser;
import gongkai.serde.AvroSerde;
import gongkai.serde.InMemorySchemaRegistryClient;
import gongkai.serde.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The identify step passes a report's bytes through only when they are in this build's layout, and decodes otherwise. */
class ReadReportSerdeTest {
    private final String scope = "read-report-" + UUID.randomUUID();
    private final SchemaRegistryClient registry = SchemaRegistryClient.connect("mock://" + scope);
    private final AvroSerde<DisclosureReport> reports = new AvroSerde<>(DisclosureReport.class, registry, true);
    private final ReadReportSerde serde = new ReadReportSerde(reports, "r.read");

    @AfterEach
    void drop() {
        InMemorySchemaRegistryClient.drop(scope);
    }

    private static DisclosureReport sample() throws Exception {
        return new ReportParser().parse(Files.readAllBytes(Path.of("..", "samples", "chaoyang-jinzhan-2021.txt")), "chaoyang-jinzhan-2021.txt");
    }

    @Test
    void aReportInThisBuildsLayoutIsReadOnlyAsFarAsItsYearAndLeavesAsTheSameBytes() throws Exception {
        DisclosureReport report = sample();
        byte[] wire = reports.serialize("r.read", report);
        ReadReport read = serde.deserialize("r.read", wire);
        assertEquals(report.getReportId(), read.reportId());
        assertEquals(report.getAgency(), read.agency());
        assertEquals(report.getYear(), read.year());
        assertNull(read.decoded(), "not decoded");
        byte[] out = serde.serialize("r.parsed", read);
        assertSame(wire, out, "one registry id for one schema, so the bytes need not even be copied");
        assertEquals(report, reports.deserialize("r.parsed", out));
        assertEquals(report, serde.decode(read));
    }

    @Test
    void anotherSchemaIdOfTheSameLayoutIsStampedWithTheParsedTopicsId() throws Exception {
        DisclosureReport report = sample();
        byte[] wire = reports.serialize("r.read", report);
        int ownId = ByteBuffer.wrap(wire, 1, 4).getInt();
        // The same schema known under another id too (as to a registry that numbers schemas per subject).
        int otherId = 777;
        SchemaRegistryClient twoIds = (SchemaRegistryClient) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class}, (proxy, method, args) -> method.getName().equals("getById")
                        && args[0].equals(otherId) ? reports.schema() : method.invoke(registry, args));
        ReadReportSerde serde = new ReadReportSerde(new AvroSerde<>(DisclosureReport.class, twoIds, true), "r.read");
        byte[] underOtherId = wire.clone();
        ByteBuffer.wrap(underOtherId, 1, 4).putInt(otherId);
        ReadReport read = serde.deserialize("r.read", underOtherId);
        assertNull(read.decoded(), "not decoded: the layout is this build's");
        byte[] out = serde.serialize("r.parsed", read);
        assertEquals(ownId, ByteBuffer.wrap(out, 1, 4).getInt());
        assertArrayEquals(Arrays.copyOfRange(wire, 5, wire.length), Arrays.copyOfRange(out, 5, out.length));
    }

    @Test
    void aReportWrittenWithAnOlderSchemaIsDecodedAndWrittenInThisBuildsSchema() throws Exception {
        DisclosureReport report = sample();
        // An older build's schema: without problemsStatement (added later with a null default).
        Schema current = reports.schema();
        Schema older = Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(), false,
                current.getFields().stream().filter(f -> !f.name().equals("problemsStatement"))
                        .map(f -> new Schema.Field(f, f.schema())).toList());
        GenericRecord asOlder = (GenericRecord) GenericData.get().deepCopy(older, toGeneric(report, older));
        int olderId = registry.register("r.read-value", older);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0);
        bytes.write(ByteBuffer.allocate(4).putInt(olderId).array());
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(older).write(asOlder, enc);
        enc.flush();

        ReadReport read = serde.deserialize("r.read", bytes.toByteArray());
        assertNotNull(read.decoded(), "decoded, since the first fields cannot be trusted to be in place");
        DisclosureReport back = reports.deserialize("r.parsed", serde.serialize("r.parsed", read));
        assertNull(back.getProblemsStatement());
        assertEquals(report.getRequestTable(), back.getRequestTable());
        assertEquals(report.getAgency(), back.getAgency());
    }

    private static GenericRecord toGeneric(DisclosureReport report, Schema older) throws Exception {
        // Specific → bytes → generic in the older schema, by Avro's own resolution.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(b, null);
        new org.apache.avro.specific.SpecificDatumWriter<DisclosureReport>(SpecificData.get().getSchema(DisclosureReport.class)).write(report, enc);
        enc.flush();
        return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(report.getSchema(), older)
                .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(b.toByteArray(), null));
    }
}
