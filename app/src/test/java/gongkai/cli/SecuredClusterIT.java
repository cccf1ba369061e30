package gongkai.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import gongkai.acl.MonitorAcls;
import gongkai.avro.AlertReview;
import gongkai.avro.ReviewAction;
import gongkai.config.MonitorConfig;
import gongkai.local.BrokerSecurity;
import gongkai.local.LocalKafka;
import gongkai.local.LocalPki;
import gongkai.local.LocalSchemaRegistry;
import gongkai.local.SecuredAccess;
import gongkai.serde.AvroSerde;
import gongkai.topics.Topics;
import gongkai.topology.ComplianceApp;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor against a cluster secured as an office runs it: the broker's only client listener is
 * SASL_SSL (SCRAM-SHA-512, a private CA), KRaft's StandardAuthorizer with the ACLs of
 * {@link MonitorAcls}, and the registry behind HTTPS and basic auth. Each principal has its own
 * properties file, as {@code ./monitor --config} takes it; the topology takes its password from the
 * environment. A crawler submits through the launcher, the topology judges, the office reads the alerts
 * and the history; who may write what, wrong passwords and unreachable registries are checked, and
 * nothing printed or logged in the whole run contains a secret.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SecuredClusterIT {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    static Path dir;
    static LocalPki pki;
    static BrokerSecurity security;
    static LocalKafka kafka;
    static LocalSchemaRegistry registry;
    static ComplianceApp app;
    static final Map<String, String> users = new HashMap<>();
    static final String registryPassword = "reg-" + UUID.randomUUID();
    static final Topics topics = Topics.live();
    /** Everything written to stdout and stderr (the logs) during the run. */
    static final ByteArrayOutputStream everything = new ByteArrayOutputStream();
    static PrintStream originalOut;
    static PrintStream originalErr;

    @BeforeAll
    static void start() throws Exception {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(new Tee(originalOut, everything), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, everything), true, StandardCharsets.UTF_8));

        pki = LocalPki.create(dir.resolve("pki"));
        for (String u : List.of("admin", "monitor", "crawler", "office")) {
            users.put(u, u + "-" + UUID.randomUUID());
        }
        security = BrokerSecurity.of(pki, users, Set.of("admin"));
        kafka = LocalKafka.start(dir.resolve("kafka"), security);
        Map<String, Object> admin = new HashMap<>(security.clientProperties("admin"));
        admin.put("bootstrap.servers", kafka.bootstrapServers());
        registry = LocalSchemaRegistry.start(admin, 0, new SecuredAccess(pki.serverContext(), "registry-user", registryPassword));
        // What the operator does once: topics and ACLs, as the super user.
        MonitorAcls acls = new MonitorAcls(topics, "gongkai-monitor");
        try (Admin a = Admin.create(admin)) {
            topics.create(a, 2, (short) 1);
            List<org.apache.kafka.common.acl.AclBinding> bindings = new ArrayList<>();
            bindings.addAll(acls.topology("User:monitor"));
            bindings.addAll(acls.submitter("User:crawler"));
            bindings.addAll(acls.office("User:office"));
            a.createAcls(bindings).all().get();
        }
        for (String u : List.of("monitor", "crawler", "office")) {
            writeConfig(u, u.equals("monitor") ? null : users.get(u));
        }
        // The topology's password comes from the environment (KAFKA_SASL_JAAS_CONFIG), the rest from its file.
        MonitorConfig monitor = MonitorConfig.load(configFile("monitor"),
                Map.of("KAFKA_SASL_JAAS_CONFIG", jaas("monitor", users.get("monitor"))),
                Map.of(MonitorConfig.DATA_DIR, dir.resolve("monitor-data").toString()));
        app = ComplianceApp.start(monitor, topics);
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\"" + password + "\";";
    }

    static Path configFile(String user) {
        return dir.resolve(user + ".properties");
    }

    /** One principal's properties file: the Kafka client security settings and the registry's, Confluent's names. */
    static void writeConfig(String user, String password) throws IOException {
        Properties p = new Properties();
        p.setProperty("bootstrap.servers", kafka.bootstrapServers());
        p.setProperty("security.protocol", "SASL_SSL");
        p.setProperty("sasl.mechanism", "SCRAM-SHA-512");
        if (password != null) {
            p.setProperty("sasl.jaas.config", jaas(user, password));
        }
        p.setProperty("ssl.truststore.location", pki.truststore().toString());
        p.setProperty("ssl.truststore.password", pki.password());
        p.setProperty("ssl.truststore.type", "PKCS12");
        p.setProperty("schema.registry.url", registry.url());
        p.setProperty("basic.auth.credentials.source", "USER_INFO");
        p.setProperty("basic.auth.user.info", "registry-user:" + registryPassword);
        p.setProperty("schema.registry.ssl.truststore.location", pki.truststore().toString());
        p.setProperty("schema.registry.ssl.truststore.password", pki.password());
        p.setProperty("schema.registry.ssl.truststore.type", "PKCS12");
        try (Writer w = Files.newBufferedWriter(configFile(user), StandardCharsets.UTF_8)) {
            p.store(w, user + "'s settings");
        }
    }

    static MonitorConfig config(String user) {
        return MonitorConfig.load(configFile(user), Map.of(), Map.of(MonitorConfig.DATA_DIR, dir.resolve(user + "-data").toString()));
    }

    record Run(int exit, String out, String err) {
    }

    /** Runs the launcher in-process as a user would, with that user's config file. */
    static Run monitor(String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--config=" + configFile(user));
        all.add(2, "--data-dir=" + dir.resolve(user + "-data"));
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(o, everything), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(e, everything), true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = Monitor.commandLine().execute(all.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void crawlerSubmitsTopologyJudgesOfficeReadsAlertsAndHistory() throws Exception {
        Run submit = monitor("crawler", "submit", "--submitter", "crawler-bj",
                SAMPLES.resolve("chaoyang-jinzhan-2021.txt").toString(), SAMPLES.resolve("crafted/chaoyang-jinzhan-2022.txt").toString());
        assertEquals(0, submit.exit(), submit.out() + submit.err());
        assertTrue(submit.out().lines().anyMatch(l -> l.contains("crafted/chaoyang-jinzhan-2022.txt") && l.contains("FAIL")), submit.out());

        Run alerts = monitor("office", "alerts", "--severity", "ERROR", "--format", "json");
        assertEquals(0, alerts.exit(), alerts.out() + alerts.err());
        assertEquals(2, alerts.out().lines().filter(l -> l.contains("\"ruleId\":\"R-CONT-01\"") && l.contains("\"year\":2022")).count(),
                alerts.out());

        Run history = monitor("office", "history", "金盏乡");
        assertEquals(0, history.exit(), history.out() + history.err());
        List<String> versions = history.out().lines().filter(l -> l.contains("chaoyang-jinzhan-202")).toList();
        assertEquals(2, versions.size(), history.out());
        assertTrue(versions.stream().allMatch(l -> l.contains("by crawler-bj as User:crawler")),
                "each version names its submitter and the principal it wrote as:\n" + history.out());

        Run roster = monitor("office", "roster", "--first-year", "2022", "../docs/roster-example.txt");
        assertEquals(0, roster.exit(), "the office writes the roster: " + roster.out() + roster.err());
    }

    @Test
    @Order(2)
    void eachPrincipalWritesOnlyWhatItsRoleAllows() throws Exception {
        Map<String, Object> crawler = config("crawler").clientProperties();
        Map<String, Object> office = config("office").clientProperties();
        // A crawler cannot forge or resolve an alert, nor review one; the office cannot replace an agency's report.
        for (String topic : new MonitorAcls(topics, "gongkai-monitor").derived()) {
            assertDenied(crawler, topic);
            assertDenied(office, topic);
        }
        assertDenied(crawler, topics.reviews());
        assertDenied(crawler, topics.roster());
        assertDenied(office, topics.submissions());

        MonitorConfig officeConfig = config("office");
        AvroSerde<AlertReview> reviews = new AvroSerde<>(AlertReview.class, officeConfig.registryClient(), true);
        AlertReview review = AlertReview.newBuilder().setReviewId(UUID.randomUUID().toString())
                .setAlertKey("北京市朝阳区金盏乡人民政府|2022|R-CONT-01|3/CARRIED_OVER/总计").setAction(ReviewAction.ACKNOWLEDGE)
                .setReviewer("office").setReviewedAt(Instant.now()).build();
        try (var p = new KafkaProducer<>(producer(office), new StringSerializer(), reviews.serializer())) {
            p.send(new ProducerRecord<>(topics.reviews(), review.getAlertKey(), review)).get();
        }
    }

    static Map<String, Object> producer(Map<String, Object> clients) {
        Map<String, Object> p = new HashMap<>(clients);
        p.put("max.block.ms", "15000");
        p.put("delivery.timeout.ms", "15000");
        p.put("request.timeout.ms", "10000");
        return p;
    }

    static void assertDenied(Map<String, Object> clients, String topic) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (var p = new KafkaProducer<>(producer(clients), new StringSerializer(), new ByteArraySerializer())) {
                p.send(new ProducerRecord<>(topic, "k", new byte[] {1})).get();
                throw new AssertionError(clients.get("sasl.jaas.config").toString().replaceAll("password=\"[^\"]*\"", "") + " could write to " + topic);
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof TopicAuthorizationException, "an authorization error, not " + e.getCause());
                assertTrue(e.getCause().getMessage().contains(topic), e.getCause().getMessage());
            } catch (TopicAuthorizationException e) {
                assertTrue(e.getMessage().contains(topic), e.getMessage());
            }
        });
    }

    @Test
    @Order(3)
    void aWrongPasswordIsRefusedAtOnceNamingTheListener() throws Exception {
        Instant started = Instant.now();
        Run run = monitor("crawler", "alerts", "--set", "sasl.jaas.config=" + jaas("crawler", "not-the-password"));
        Duration took = Duration.between(started, Instant.now());
        assertEquals(3, run.exit(), run.err());
        assertTrue(run.err().contains(kafka.bootstrapServers()) && run.err().contains("SASL_SSL") && run.err().contains("refused this client"),
                run.err());
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "took " + took);

        // A plain client with a wrong password fails its first send with the broker's reason: no retrying forever.
        Map<String, Object> wrong = new HashMap<>(security.clientProperties("crawler", "not-the-password"));
        wrong.put("bootstrap.servers", kafka.bootstrapServers());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (var p = new KafkaProducer<>(producer(wrong), new StringSerializer(), new ByteArraySerializer())) {
                var e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> p.send(new ProducerRecord<>(topics.submissions(), "k", new byte[] {1})).get());
                assertTrue(e.getCause() instanceof SaslAuthenticationException, String.valueOf(e.getCause()));
            }
        });
    }

    @Test
    @Order(4)
    void anUnreachableOrRefusingRegistryEndsTheCommandWithExit3() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        Run unreachable = monitor("office", "alerts", "-r", "https://registry-user:" + registryPassword + "@127.0.0.1:" + dead);
        assertEquals(3, unreachable.exit(), unreachable.err());
        assertTrue(unreachable.err().contains("https://127.0.0.1:" + dead) && unreachable.err().contains("unreachable"), unreachable.err());
        assertEquals(1, unreachable.err().lines().filter(l -> l.startsWith("error:")).count(), "one line:\n" + unreachable.err());
        assertTrue(unreachable.err().lines().noneMatch(l -> l.contains("NetworkClient")), "no client retry warnings:\n" + unreachable.err());

        Run refused = monitor("office", "alerts", "--set", "basic.auth.user.info=registry-user:wrong");
        assertEquals(3, refused.exit(), refused.err());
        assertTrue(refused.err().contains("refused the credentials (HTTP 401)") && refused.err().contains(registry.url()), refused.err());
    }

    @Test
    @Order(5)
    void noSecretIsPrintedOrLogged() {
        String all = everything.toString(StandardCharsets.UTF_8);
        assertTrue(all.contains("configuration (secrets masked)") && all.contains("sasl.jaas.config=[hidden]")
                && all.contains("basic.auth.user.info=[hidden]"), "the topology logged its configuration, masked");
        List<String> secrets = new ArrayList<>(users.values());
        secrets.add(security.brokerPassword());
        secrets.add(pki.password());
        secrets.add(registryPassword);
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "a secret was printed or logged");
        }
        assertFalse(all.contains("not-the-password"), "even a wrong password is not echoed");
    }

    /** Writes to two streams: what a command prints is both checked per command and kept for the secrets check. */
    static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            a.flush();
        }
    }
}
