package gongkai.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import gongkai.local.LocalKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, independent schema registry for integration tests: Apicurio Registry's prebuilt Quarkus
 * distribution (unpacked from Maven Central by the build into {@code apicurio.dir}), run as a child
 * process on 127.0.0.1, spoken to through its Confluent-compatible API ({@code /apis/ccompat/v7}).
 */
public final class ApicurioRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApicurioRegistry.class);

    private final Process process;
    private final int port;

    private ApicurioRegistry(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ApicurioRegistry start(Path logFile) {
        Path jar = findRunnerJar().orElseThrow(() -> new IllegalStateException(
                "Apicurio Registry is not unpacked under " + System.getProperty("apicurio.dir")
                        + ": run the integration tests through Maven (mvn verify), which unpacks it"));
        try {
            int port = LocalKafka.freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m",
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.log.level=WARN", "-jar", jar.toString()));
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile())
                    .directory(jar.getParent().toFile()).start();
            ApicurioRegistry registry = new ApicurioRegistry(p, port);
            registry.awaitReady(Duration.ofSeconds(90), logFile);
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start Apicurio Registry from " + jar + ": " + e.getMessage(), e);
        }
    }

    /** The Confluent-compatible API root, as a Confluent client would be configured with it. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    private void awaitReady(Duration timeout, Path logFile) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    log.info("Apicurio Registry ready at {}", url());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for Apicurio Registry to start", e);
            }
        }
        close();
        throw new IllegalStateException("Apicurio Registry did not answer within " + timeout + "; see " + logFile);
    }

    private static java.util.Optional<Path> findRunnerJar() {
        String dir = System.getProperty("apicurio.dir");
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            return java.util.Optional.empty();
        }
        try (Stream<Path> files = Files.walk(Path.of(dir), 4)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")
                    || f.getFileName().toString().equals("quarkus-run.jar")).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
