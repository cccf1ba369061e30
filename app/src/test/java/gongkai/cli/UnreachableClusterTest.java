package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command pointed at a cluster that is not there fails within {@code connect.timeout.ms}, exit 3,
 * with one line naming the address: not a minute of client warnings.
 */
class UnreachableClusterTest {
    @TempDir
    Path data;

    /** @param err everything on stderr: what the command said, and what was logged (the Kafka clients' warnings would be there) */
    record Result(int exit, String err, Duration took) {
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir=" + data);
        PrintStream original = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        Instant start = Instant.now();
        int exit;
        try {
            exit = Monitor.commandLine().execute(all.toArray(String[]::new));
        } finally {
            System.setErr(original);
        }
        return new Result(exit, stderr.toString(StandardCharsets.UTF_8), Duration.between(start, Instant.now()));
    }

    @Test
    void aRefusedBrokerAddressEndsTheCommandAtOnce() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Result r = run("alerts", "-b", "127.0.0.1:" + port, "-r", "http://127.0.0.1:" + port);
        assertEquals(3, r.exit(), r.err());
        assertEquals(List.of("error: cannot reach the Kafka cluster at 127.0.0.1:" + port + " within 15 s (127.0.0.1:" + port
                + ": connection refused)"), r.err().lines().toList());
        assertTrue(r.took().compareTo(Duration.ofSeconds(10)) < 0, "took " + r.took());
    }

    @Test
    void aListenerThatNeverAnswersIsGivenUpAfterTheConfiguredTime() throws IOException {
        // Accepts TCP connections (the kernel completes the handshake) and never says a word: a firewall
        // or a TLS listener spoken to in plaintext looks like this.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String address = "127.0.0.1:" + silent.getLocalPort();
            Result r = run("submit", "-b", address, "-r", "http://" + address, "--set", "connect.timeout.ms=3000", "../samples/anfeng-2020.txt");
            assertEquals(3, r.exit(), r.err());
            List<String> lines = r.err().lines().toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).startsWith("error: the Kafka cluster at " + address + " (security.protocol=PLAINTEXT) accepted a connection "
                    + "but did not answer as a Kafka broker within 3 s"), lines.get(0));
            assertTrue(r.took().compareTo(Duration.ofSeconds(3)) >= 0 && r.took().compareTo(Duration.ofSeconds(12)) < 0, "took " + r.took());
        }
    }

    @Test
    void aBadTimeoutIsRefusedNamingTheSetting() {
        Result r = run("alerts", "-b", "127.0.0.1:1", "--set", "connect.timeout.ms=soon");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("connect.timeout.ms=soon: must be a positive number of milliseconds"), r.err());
    }
}
