package gongkai.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import gongkai.avro.ReportVersion;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wire-format tests against a scripted registry that hands out id 42: the bytes must be exactly
 * what Confluent's serializer writes for the same record and id.
 */
class AvroSerdeTest {
    private HttpServer registry;
    private final AtomicInteger registrations = new AtomicInteger();
    private AvroSerde<ReportVersion> serde;

    @BeforeEach
    void startScriptedRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/subjects/versions-value/versions", ex -> {
            registrations.incrementAndGet();
            reply(ex, 200, "{\"id\":42}");
        });
        registry.createContext("/schemas/ids/42", ex -> reply(ex, 200,
                "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(ReportVersion.getClassSchema().toString()) + "}"));
        registry.createContext("/schemas/ids/99", ex -> reply(ex, 404, "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}"));
        registry.start();
        serde = new AvroSerde<>(ReportVersion.class,
                new RestSchemaRegistryClient("http://127.0.0.1:" + registry.getAddress().getPort()), true);
    }

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static ReportVersion sample() {
        return ReportVersion.newBuilder().setSha256("ab").setReceivedAt(Instant.ofEpochMilli(1000))
                .setSubmissionId("s").setSource("f").setPublishedAt(null).build();
    }

    @Test
    void writesMagicByteSchemaIdAndAvroBinary() {
        byte[] bytes = serde.serialize("versions", sample());
        // 00 | 0000002a | "ab" (len 2 -> 04) | 1000 ms (zigzag 2000 -> d00f) | "s" | "f" | null branch 0 (publishedAt, submitter, principal)
        assertArrayEquals(HexFormat.of().parseHex("000000002a" + "046162" + "d00f" + "0273" + "0266" + "00" + "00" + "00"), bytes);
    }

    @Test
    void readsBackWhatItWrote() {
        assertEquals(sample(), serde.deserialize("versions", serde.serialize("versions", sample())));
    }

    @Test
    void aFailedEncodeLeavesNothingBehindForTheNextRecordOfTheThread() {
        byte[] clean = serde.serialize("versions", sample());
        // A record whose required field is null fails half-way through, after sha256 was written.
        ReportVersion broken = sample();
        broken.setSubmissionId(null);
        assertThrows(SerializationException.class, () -> serde.serialize("versions", broken));
        assertArrayEquals(clean, serde.serialize("versions", sample()));
    }

    @Test
    void threadsSharingOneSerdeReadBackTheirOwnRecords() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        // sizes vary so that buffers are reused with leftovers of a longer record
                        ReportVersion v = ReportVersion.newBuilder(sample()).setSource("t" + thread + "-" + i + "x".repeat(i % 300)).build();
                        if (!v.equals(serde.deserialize("versions", serde.serialize("versions", v)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var r : results) {
                assertTrue(r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void registersOncePerTopicNotPerRecord() {
        for (int i = 0; i < 5; i++) {
            serde.serialize("versions", sample());
        }
        assertEquals(1, registrations.get());
    }

    @Test
    void unknownMagicByteNamesTopicAndByte() {
        byte[] bytes = serde.serialize("versions", sample());
        bytes[0] = 1;
        var e = assertThrows(SerializationException.class, () -> serde.deserialize("versions", bytes));
        assertTrue(e.getMessage().contains("topic versions") && e.getMessage().contains("unknown magic byte 0x01"), e.getMessage());
    }

    @Test
    void unknownSchemaIdNamesTopicAndId() {
        byte[] bytes = HexFormat.of().parseHex("0000000063" + "046162d00f0273026600");
        var e = assertThrows(SerializationException.class, () -> serde.deserialize("versions", bytes));
        assertTrue(e.getMessage().contains("topic versions") && e.getMessage().contains("schema id 99 is unknown"), e.getMessage());
    }

    @Test
    void unreachableRegistryIsSaidPlainly() {
        int deadPort = registry.getAddress().getPort();
        registry.stop(0);
        var client = new RestSchemaRegistryClient("http://127.0.0.1:" + deadPort);
        var s = new AvroSerde<>(ReportVersion.class, client, true);
        var e = assertThrows(SerializationException.class, () -> s.serialize("versions", sample()));
        assertTrue(e.getMessage().contains("topic versions") && e.getMessage().contains("unreachable")
                && e.getMessage().contains("127.0.0.1:" + deadPort), e.getMessage());
    }

    @Test
    void tooShortRecordIsRejectedWithItsLength() {
        var e = assertThrows(SerializationException.class, () -> serde.deserialize("versions", new byte[] {0, 0}));
        assertTrue(e.getMessage().contains("2 bytes"), e.getMessage());
    }

    @Test
    void badRegistryUrlIsRefusedUpFront() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RestSchemaRegistryClient("localhost:8081"));
        assertTrue(e.getMessage().contains("localhost:8081"));
    }
}
