package gongkai.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for generated Avro records in the Confluent wire format: byte 0 = magic 0, bytes 1-4 =
 * big-endian schema id, then Avro binary. Subjects follow the TopicNameStrategy ({@code topic-value}
 * or {@code topic-key}), so data we write is readable by Confluent's own deserializers and the other
 * way round.
 *
 * <p>Reading resolves the writer's schema by id and projects it onto this class's schema with Avro
 * schema resolution, which is what makes BACKWARD-compatible evolution work.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    static final byte MAGIC_BYTE = 0;

    private final Class<T> type;
    private final Schema readerSchema;
    private final SchemaRegistryClient registry;
    private final boolean autoRegister;
    private final boolean isKey;
    private final Map<Integer, DatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
    private final SpecificDatumWriter<T> writer;
    private final Map<String, Integer> idsByTopic = new ConcurrentHashMap<>();

    public AvroSerde(Class<T> type, SchemaRegistryClient registry, boolean autoRegister) {
        this(type, registry, autoRegister, false);
    }

    public AvroSerde(Class<T> type, SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
        this.writer = new SpecificDatumWriter<>(readerSchema);
    }

    public static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }

    public Schema schema() {
        return readerSchema;
    }

    public SchemaRegistryClient registry() {
        return registry;
    }

    /** The registered id this serde writes for the topic (registering the schema first if auto-register is on). */
    public int schemaIdFor(String topic) {
        Integer known = idsByTopic.get(topic);
        return known != null ? known : idsByTopic.computeIfAbsent(topic, this::resolveSchemaId);
    }

    private int resolveSchemaId(String topic) {
        String subject = subject(topic, isKey);
        try {
            return autoRegister ? registry.register(subject, readerSchema) : registry.lookupId(subject, readerSchema);
        } catch (SchemaRegistryException e) {
            String hint = e.isNotFound() && !autoRegister
                    ? " (auto.register.schemas is off: register " + readerSchema.getFullName() + " under subject '" + subject + "' first)"
                    : "";
            throw new SerializationException("topic " + topic + ": cannot get a schema id for " + readerSchema.getFullName()
                    + " under subject '" + subject + "': " + e.getMessage() + hint, e);
        }
    }

    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        int id = schemaIdFor(topic);
        Codecs codecs = CODECS.get();
        try {
            WireBuffer out = codecs.out;
            out.reset();
            out.write(MAGIC_BYTE);
            out.writeInt(id);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, codecs.encoder);
            // A write that fails leaves its bytes in the encoder's buffer, which reuse would flush into the next record.
            codecs.encoder = null;
            writer.write(data, encoder);
            encoder.flush();
            codecs.encoder = encoder;
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": cannot encode " + readerSchema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (bytes.length < 5) {
            throw new SerializationException("topic " + topic + ": record of " + bytes.length
                    + " bytes is too short for the Confluent wire format (magic byte + 4-byte schema id + Avro data)");
        }
        if (bytes[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "topic %s: unknown magic byte 0x%02x (expected 0x00): the record was not written in the Confluent Avro wire format",
                    topic, bytes[0] & 0xff));
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        DatumReader<T> reader = readersByWriterId.computeIfAbsent(id, writerId -> {
            Schema writerSchema;
            try {
                writerSchema = registry.getById(writerId);
            } catch (SchemaRegistryException e) {
                String what = e.isNotFound() ? "schema id " + writerId + " is unknown to the registry at " + registry.baseUrl()
                        : "cannot resolve schema id " + writerId + ": " + e.getMessage();
                throw new SerializationException("topic " + topic + ": " + what, e);
            }
            return new SpecificDatumReader<>(writerSchema, readerSchema);
        });
        try {
            Codecs codecs = CODECS.get();
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, codecs.decoder);
            codecs.decoder = decoder;
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic " + topic + ": schema id " + id + ": cannot decode the Avro data as "
                    + type.getSimpleName() + ": " + e, e);
        }
    }

    /**
     * The encoder, decoder and output buffer of one thread, reused from record to record: a serde is shared by every
     * stream thread and client of the process, and Avro's encoders and decoders are not thread-safe, so one set per thread
     * (allocating them per record was measurable, see docs/benchmarks.md). Neither is re-entered: encoding or decoding a
     * record never encodes or decodes another.
     */
    private static final class Codecs {
        final WireBuffer out = new WireBuffer();
        BinaryEncoder encoder;
        BinaryDecoder decoder;
    }

    private static final ThreadLocal<Codecs> CODECS = ThreadLocal.withInitial(Codecs::new);

    /** An unsynchronised byte buffer that keeps its array between records, unless one record made it large. */
    static final class WireBuffer extends OutputStream {
        private static final int KEEP_BYTES = 1 << 20;
        private byte[] buf = new byte[4096];
        private int size;

        void reset() {
            if (buf.length > KEEP_BYTES) {
                buf = new byte[4096]; // one large document must not pin its buffer on the thread for good
            }
            size = 0;
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        void writeInt(int v) {
            ensure(4);
            buf[size++] = (byte) (v >>> 24);
            buf[size++] = (byte) (v >>> 16);
            buf[size++] = (byte) (v >>> 8);
            buf[size++] = (byte) v;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this::serialize;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this::deserialize;
    }
}
