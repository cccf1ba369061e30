package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import gongkai.local.EmbeddedCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./monitor demo} runs an open broker and registry: they must be reachable from this machine
 * only. Every port it opens (broker, controller, registry) answers on 127.0.0.1 and refuses a
 * connection to the same port on the machine's network address.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EmbeddedLoopbackIT {
    @TempDir
    Path data;

    @Test
    void theEmbeddedBrokerControllerAndRegistryListenOnLoopbackOnly() throws IOException {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (EmbeddedCluster cluster = EmbeddedCluster.start(data)) {
            Properties kafka = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("kafka").resolve("local-kafka.properties"))) {
                kafka.load(in);
            }
            List<Integer> ports = List.of(Integer.parseInt(kafka.getProperty("broker.port")),
                    Integer.parseInt(kafka.getProperty("controller.port")), URI.create(cluster.schemaRegistryUrl()).getPort());
            for (int port : ports) {
                connect(InetAddress.getLoopbackAddress(), port);
                assertThrows(ConnectException.class, () -> connect(external.get(), port),
                        "port " + port + " must not be reachable on " + external.get().getHostAddress());
            }
        }
    }

    private static void connect(InetAddress host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(n -> {
            try {
                return n.isUp() && !n.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    }
}
