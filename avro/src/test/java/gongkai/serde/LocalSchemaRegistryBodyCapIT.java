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
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import gongkai.avro.ComplianceAlert;
import gongkai.testkit.LocalCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The embedded registry reads request bodies up to a cap: a huge POST (declared, or streamed without a length) is
 * answered 413 without being read into memory, and the registry goes on serving.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalSchemaRegistryBodyCapIT {
    @RegisterExtension
    static final LocalCluster cluster = new LocalCluster();

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
        var client = new RestSchemaRegistryClient(cluster.registryUrl());
        int id = client.register("cap-value", ComplianceAlert.getClassSchema());
        assertEquals(ComplianceAlert.getClassSchema(), client.getById(id));
    }

    /** Sends a POST with the given framing header, streams {@code chunkedBytes} of body (chunked) from another thread, returns the status line. */
    private static String post(String framing, int chunkedBytes) throws Exception {
        URI url = URI.create(cluster.registryUrl());
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
