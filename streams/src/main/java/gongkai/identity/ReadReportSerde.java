package gongkai.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import gongkai.avro.DisclosureReport;
import gongkai.serde.AvroSerde;
import gongkai.serde.SchemaRegistryException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The identify step's serde. It files a report under its agency and changes nothing else in nearly every case (the name
 * as written is already the agency's), yet decoding the whole report and encoding it again cost as much as the parse
 * step's own Avro work. So a report written with this build's schema is read only as far as its first fields (report
 * id, agency, agency source, year: the schema's first four, in this order) and, if it keeps its agency, written to the
 * parsed-reports topic as the same bytes under that topic's schema id. A report renamed, or written with another
 * schema (an older build's records still on the topic), is decoded and encoded as before.
 */
public final class ReadReportSerde {
    private final AvroSerde<DisclosureReport> reports;
    private final String readTopic;
    /** Writer schema ids whose layout is this build's schema (so the first fields can be read in place). */
    private final Map<Integer, Boolean> ownLayout = new ConcurrentHashMap<>();

    public ReadReportSerde(AvroSerde<DisclosureReport> reports, String readTopic) {
        this.reports = reports;
        this.readTopic = readTopic;
    }

    public Deserializer<ReadReport> deserializer() {
        return this::deserialize;
    }

    public Serializer<ReadReport> serializer() {
        return this::serialize;
    }

    ReadReport deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < 5 || bytes[0] != 0 || !ownLayout(ByteBuffer.wrap(bytes, 1, 4).getInt())) {
            return ReadReport.of(reports.deserialize(topic, bytes)); // its errors name the topic and the reason
        }
        try {
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            String reportId = in.readString();
            String agency = in.readString();
            in.readEnum();
            int year = in.readInt();
            return new ReadReport(reportId, agency, year, bytes, null);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": schema id " + ByteBuffer.wrap(bytes, 1, 4).getInt()
                    + ": cannot read the report id, agency and year of a DisclosureReport: " + e, e);
        }
    }

    private boolean ownLayout(int schemaId) {
        return ownLayout.computeIfAbsent(schemaId, id -> {
            try {
                return reports.registry().getById(id).equals(reports.schema());
            } catch (SchemaRegistryException e) {
                return false; // the full decode reports it
            }
        });
    }

    byte[] serialize(String topic, ReadReport report) {
        if (report == null) {
            return null;
        }
        if (report.decoded() != null) {
            return reports.serialize(topic, report.decoded());
        }
        byte[] wire = report.wire();
        int id = reports.schemaIdFor(topic);
        if (ByteBuffer.wrap(wire, 1, 4).getInt() == id) {
            return wire;
        }
        byte[] out = wire.clone();
        ByteBuffer.wrap(out, 1, 4).putInt(id);
        return out;
    }

    /** The whole report, for a report that is filed under another name. */
    public DisclosureReport decode(ReadReport report) {
        return report.decoded() != null ? report.decoded() : reports.deserialize(readTopic, report.wire());
    }
}
