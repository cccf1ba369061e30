package gongkai.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A throw-away certificate authority for TLS on 127.0.0.1: a self-signed CA certificate that the
 * server presents itself (SAN {@code IP:127.0.0.1, DNS:localhost}) and a truststore holding only it,
 * made with the JDK's own {@code keytool} (no extra dependency). Used by the secured embedded broker and registry
 * in integration tests, the way an office's own CA would be used against its cluster.
 */
public record LocalPki(Path caCertificate, Path keystore, Path truststore, String password) {
    public static final String STORE_TYPE = "PKCS12";

    /** Creates the keystore and the truststore in {@code dir} (fresh random password). */
    public static LocalPki create(Path dir) {
        try {
            Files.createDirectories(dir);
            String pw = UUID.randomUUID().toString().replace("-", "");
            Path keystore = dir.resolve("server.p12");
            Path truststore = dir.resolve("truststore.p12");
            Path caPem = dir.resolve("ca.pem");
            // One keytool run (each costs a JVM start): a self-signed certificate that is its own CA (bc:c).
            keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "bc:c", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                    "-keystore", keystore.toString(), "-storetype", STORE_TYPE, "-storepass", pw);
            LocalPki pki = new LocalPki(caPem, keystore, truststore, pw);
            Certificate ca = pki.load(keystore).getCertificate("server");
            KeyStore trust = KeyStore.getInstance(STORE_TYPE);
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca);
            try (OutputStream out = Files.newOutputStream(truststore)) {
                trust.store(out, pw.toCharArray());
            }
            Files.writeString(caPem, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(ca.getEncoded()) + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            return pki;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create test certificates in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create test certificates in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A server-side TLS context presenting the CA-signed server certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keystore), password.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot load the test keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    private KeyStore load(Path store) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(STORE_TYPE);
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    private static void keytool(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
