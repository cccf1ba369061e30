package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The docker-compose file as a user on the host runs it: built and brought up (Kafka, Schema Registry, the monitor as
 * a non-root user), healthy, and reachable from the host through the published 127.0.0.1 ports: one submission made
 * from the host is judged by the monitor in its container, and its metrics count it. Skipped without a Docker engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ComposeIT {
    @TempDir
    Path data;

    @Test
    void upFromTheHostOneSubmissionThrough() throws Exception {
        int kafka = freePort();
        int registry = freePort();
        int metrics = freePort();
        File compose = Path.of("..", "docker", "docker-compose.yml").toFile();
        try (ComposeContainer env = new ComposeContainer(compose)
                .withBuild(true)
                .withEnv("GONGKAI_KAFKA_HOST_PORT", Integer.toString(kafka))
                .withEnv("GONGKAI_REGISTRY_HOST_PORT", Integer.toString(registry))
                .withEnv("GONGKAI_METRICS_HOST_PORT", Integer.toString(metrics))
                .waitingFor("kafka", Wait.forHealthcheck())
                .waitingFor("schema-registry", Wait.forHealthcheck())
                .waitingFor("monitor", Wait.forHealthcheck())
                .withStartupTimeout(Duration.ofMinutes(10))
                .withRemoveVolumes(true)) {
            env.start();

            String uid = env.getContainerByServiceName("monitor").orElseThrow()
                    .execInContainer("id", "-u").getStdout().strip();
            assertTrue(!uid.equals("0") && !uid.isEmpty(), "the monitor runs as a non-root user, not uid " + uid);

            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream original = System.out;
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            int exit;
            try {
                exit = Monitor.commandLine().execute("submit", "--data-dir", data.toString(), "-b", "127.0.0.1:" + kafka,
                        "-r", "http://127.0.0.1:" + registry, "../samples/daxing-yinghai-2023.txt");
            } finally {
                System.setOut(original);
            }
            String out = buffer.toString(StandardCharsets.UTF_8);
            assertTrue(exit == 0 || exit == 1, "submitted from the host (exit " + exit + "):\n" + out);
            assertTrue(out.lines().anyMatch(l -> l.contains("daxing-yinghai-2023.txt") && l.contains("北京市大兴区瀛海镇人民政府 2023")),
                    "judged by the monitor in its container:\n" + out);

            String scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith("gongkai_submissions_parsed_total") && !l.endsWith(" 0.0")), scrape);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
