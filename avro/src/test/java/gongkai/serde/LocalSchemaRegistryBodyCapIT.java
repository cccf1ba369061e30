package gongkai.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import gongkai.avro.ComplianceAlert;
import gongkai.local.LocalKafka;
import gongkai.local.LocalSchemaRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded registry reads request bodies up to a cap: a huge POST (declared, or streamed without a length) is
 * answered 413 without being read into memory, and the registry goes on serving.
 */
class LocalSchemaRegistryBodyCapIT {
    @TempDir
    static Path dir;
    static LocalKafka kafka;
    static LocalSchemaRegistry registry;

    @BeforeAll
    static void start() {
        kafka = LocalKafka.start(dir);
        registry = LocalSchemaRegistry.start(kafka.bootstrapServers(), 0);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aBodyDeclaredLargerThanTheCapIsRefusedUnread() throws Exception {
        String status = post("Content-Length: 700000000\r\n", 0);
        assertTrue(status.contains(" 413 "), status);
        assertStillServes();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheCapIsRefused() throws Exception {
        String status = post("Transfer-Encoding: chunked\r\n", 8 * 1024 * 1024);
        assertTrue(status.contains(" 413 "), status);
        assertStillServes();
    }

    private static void assertStillServes() {
        var client = new RestSchemaRegistryClient(registry.url());
        int id = client.register("cap-value", ComplianceAlert.getClassSchema());
        assertEquals(ComplianceAlert.getClassSchema(), client.getById(id));
    }

    /** Sends a POST with the given framing header, streams {@code chunkedBytes} of body (chunked) from another thread, returns the status line. */
    private static String post(String framing, int chunkedBytes) throws Exception {
        URI url = URI.create(registry.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/cap-value/versions HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                    + "Content-Type: application/json\r\n" + framing + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                try {
                    for (int sent = 0; sent < chunkedBytes; sent += chunk.length) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedByServer) {
                    // expected: the registry stops reading and closes the connection after answering
                }
            });
            writer.start();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            writer.join(30_000);
            return String.valueOf(status);
        }
    }
}
