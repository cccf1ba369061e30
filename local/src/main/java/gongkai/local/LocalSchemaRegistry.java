package gongkai.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small schema registry for the embedded run mode, speaking the subset of the Confluent Schema
 * Registry REST API that our client uses (register, look up, get by id, latest, compatibility,
 * config). Like Confluent's, it keeps its state in a compacted Kafka topic, so schema ids survive a
 * restart of the embedded broker and data on the topics stays readable.
 *
 * <p>It exists so that {@code ./monitor demo} needs nothing but Java; the client code path is the
 * same one used against Confluent, Apicurio (ccompat), Karapace or Redpanda, and integration tests
 * prove that path against Apicurio.
 */
public final class LocalSchemaRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String STORE_TOPIC = "_gongkai_schemas";
    /** Largest request body read: the monitor's largest schema is a few KiB; a body without bounds could fill the heap. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern SUBJECT_VERSIONS = Pattern.compile("^/subjects/([^/]+)/versions/?$");
    private static final Pattern SUBJECT_VERSION = Pattern.compile("^/subjects/([^/]+)/versions/(latest|\\d+)$");
    private static final Pattern SUBJECT = Pattern.compile("^/subjects/([^/]+)/?$");
    private static final Pattern SCHEMA_BY_ID = Pattern.compile("^/schemas/ids/(\\d+)$");
    private static final Pattern COMPAT = Pattern.compile("^/compatibility/subjects/([^/]+)/versions/(latest|\\d+)$");
    private static final Pattern CONFIG = Pattern.compile("^/config(?:/([^/]+))?/?$");

    private record Version(String subject, int version, int id, Schema schema) {
    }

    private final Map<Integer, Schema> byId = new LinkedHashMap<>();
    private final Map<String, List<Version>> bySubject = new LinkedHashMap<>();
    private final Map<String, String> compatibility = new LinkedHashMap<>();
    private final HttpServer server;
    private final KafkaProducer<String, String> store;

    private LocalSchemaRegistry(HttpServer server, KafkaProducer<String, String> store) {
        this.server = server;
        this.store = store;
    }

    /** Starts on 127.0.0.1 on the given port (0 = any free port), state kept in the broker's {@value #STORE_TOPIC} topic. */
    public static LocalSchemaRegistry start(String bootstrapServers, int port) {
        return start(Map.of("bootstrap.servers", bootstrapServers), port, null);
    }

    /**
     * As {@link #start(String, int)} against a secured broker ({@code kafkaClient}: bootstrap servers and client
     * security settings), and, if {@code access} is given, serving HTTPS with HTTP basic auth as a secured
     * Confluent registry does.
     */
    public static LocalSchemaRegistry start(Map<String, Object> kafkaClient, int port, SecuredAccess access) {
        try {
            ensureStoreTopic(kafkaClient);
            Properties p = new Properties();
            p.putAll(kafkaClient);
            p.put("acks", "all");
            p.put("enable.idempotence", "true");
            KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            HttpServer http = access == null ? HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0)
                    : access.httpsServer(new InetSocketAddress("127.0.0.1", port));
            LocalSchemaRegistry registry = new LocalSchemaRegistry(http, producer);
            registry.load(kafkaClient);
            var context = http.createContext("/", registry::handle);
            if (access != null) {
                context.setAuthenticator(access.authenticator());
            }
            http.setExecutor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "local-schema-registry");
                t.setDaemon(true);
                return t;
            }));
            http.start();
            log.info("local schema registry ready at {} ({} schemas)", registry.url(), registry.byId.size());
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local schema registry on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        String scheme = server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        store.close(Duration.ofSeconds(5));
    }

    private static void ensureStoreTopic(Map<String, Object> kafkaClient) {
        try (Admin admin = Admin.create(kafkaClient)) {
            admin.createTopics(List.of(new NewTopic(STORE_TOPIC, 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the schema store topic " + STORE_TOPIC + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Replays the store topic to its end, so ids are the ones handed out before a restart. */
    private void load(Map<String, Object> kafkaClient) {
        Properties p = new Properties();
        p.putAll(kafkaClient);
        p.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(STORE_TOPIC, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    apply(r.key(), r.value());
                }
            }
        }
    }

    private void apply(String key, String value) {
        if (value == null) {
            // a deleted subject version: "subject|version"
            int bar = key.lastIndexOf('|');
            List<Version> versions = bar < 0 ? null : bySubject.get(key.substring(0, bar));
            if (versions != null) {
                versions.removeIf(v -> Integer.toString(v.version()).equals(key.substring(bar + 1)));
                if (versions.isEmpty()) {
                    bySubject.remove(key.substring(0, bar));
                }
            }
            return;
        }
        try {
            JsonNode v = JSON.readTree(value);
            if (key.startsWith("config|")) {
                compatibility.put(key.substring("config|".length()), v.path("compatibility").asText());
            } else {
                Version ver = new Version(v.path("subject").asText(), v.path("version").asInt(), v.path("id").asInt(),
                        new Schema.Parser().parse(v.path("schema").asText()));
                byId.put(ver.id(), ver.schema());
                bySubject.computeIfAbsent(ver.subject(), s -> new ArrayList<>()).add(ver);
            }
        } catch (IOException e) {
            throw new IllegalStateException("corrupt record in " + STORE_TOPIC + " under key " + key, e);
        }
    }

    private void persist(String key, ObjectNode value) {
        try {
            store.send(new ProducerRecord<>(STORE_TOPIC, key, value == null ? null : value.toString())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to " + STORE_TOPIC + ": " + e.getCause(), e);
        }
    }

    private record Reply(int status, Object body) {
    }

    private void handle(HttpExchange ex) throws IOException {
        Reply reply;
        try {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            byte[] in = readCapped(ex);
            if (in == null) {
                ex.getResponseHeaders().set("Connection", "close");
                reply(ex, error(413, 41301, "Request body larger than " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            JsonNode request = in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in);
            synchronized (this) {
                reply = route(method, path, request);
            }
        } catch (SchemaParseException e) {
            reply = error(422, 42201, "Invalid schema: " + e.getMessage());
        } catch (IOException e) {
            reply = error(400, 400, "Request body is not JSON: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("local schema registry failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
            reply = error(500, 50001, "Error in the backend data store: " + e.getMessage());
        }
        reply(ex, reply);
    }

    /**
     * The request body, or null (nothing more read) if it is declared or turns out larger than {@link #MAX_BODY_BYTES}.
     * The stream is left open: closing it would wait to drain the rest before the 413 is sent; the server closes it
     * after the response (reading at most its small drain amount) and then drops the connection.
     */
    private static byte[] readCapped(HttpExchange ex) throws IOException {
        String declared = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            if (declared != null && Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                return null;
            }
        } catch (NumberFormatException e) {
            throw new IOException("Content-Length is not a number: " + declared, e);
        }
        InputStream body = ex.getRequestBody();
        byte[] in = body.readNBytes(MAX_BODY_BYTES + 1);
        return in.length > MAX_BODY_BYTES ? null : in;
    }

    private static void reply(HttpExchange ex, Reply reply) throws IOException {
        byte[] out = JSON.writeValueAsBytes(reply.body());
        ex.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(reply.status(), out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private Reply route(String method, String path, JsonNode request) {
        Matcher m;
        if ((m = SUBJECT_VERSIONS.matcher(path)).matches()) {
            String subject = decode(m.group(1));
            if (method.equals("POST")) {
                return register(subject, parse(request));
            }
            List<Version> versions = bySubject.get(subject);
            return versions == null ? subjectNotFound(subject) : new Reply(200, versions.stream().map(Version::version).toList());
        }
        if ((m = SUBJECT_VERSION.matcher(path)).matches() && method.equals("GET")) {
            String subject = decode(m.group(1));
            Version v = version(subject, m.group(2));
            if (v == null) {
                return bySubject.containsKey(subject) ? error(404, 40402, "Version not found.") : subjectNotFound(subject);
            }
            return new Reply(200, describe(v));
        }
        if ((m = SUBJECT.matcher(path)).matches() && method.equals("DELETE")) {
            return deleteSubject(decode(m.group(1)));
        }
        if ((m = SUBJECT.matcher(path)).matches() && method.equals("POST")) {
            String subject = decode(m.group(1));
            List<Version> versions = bySubject.get(subject);
            if (versions == null) {
                return subjectNotFound(subject);
            }
            Schema schema = parse(request);
            return versions.stream().filter(v -> v.schema().equals(schema)).findFirst()
                    .map(v -> new Reply(200, describe(v)))
                    .orElseGet(() -> error(404, 40403, "Schema not found"));
        }
        if (path.equals("/subjects") && method.equals("GET")) {
            return new Reply(200, new ArrayList<>(bySubject.keySet()));
        }
        if ((m = SCHEMA_BY_ID.matcher(path)).matches() && method.equals("GET")) {
            Schema s = byId.get(Integer.parseInt(m.group(1)));
            return s == null ? error(404, 40403, "Schema " + m.group(1) + " not found")
                    : new Reply(200, Map.of("schema", s.toString()));
        }
        if ((m = COMPAT.matcher(path)).matches() && method.equals("POST")) {
            String subject = decode(m.group(1));
            Version v = version(subject, m.group(2));
            if (v == null) {
                return subjectNotFound(subject);
            }
            return new Reply(200, Map.of("is_compatible", incompatibility(subject, parse(request), List.of(v)) == null));
        }
        if ((m = CONFIG.matcher(path)).matches()) {
            String subject = m.group(1) == null ? "" : decode(m.group(1));
            if (method.equals("PUT")) {
                String level = request.path("compatibility").asText("").toUpperCase();
                if (!List.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL", "FULL_TRANSITIVE").contains(level)) {
                    return error(422, 42203, "Invalid compatibility level: " + level);
                }
                persist("config|" + subject, JSON.createObjectNode().put("compatibility", level));
                compatibility.put(subject, level);
                return new Reply(200, Map.of("compatibility", level));
            }
            if (!subject.isEmpty() && !compatibility.containsKey(subject)) {
                return new Reply(200, Map.of("compatibilityLevel", level("")));
            }
            return new Reply(200, Map.of("compatibilityLevel", level(subject)));
        }
        return error(404, 404, "HTTP 404 Not Found: " + method + " " + path + " is not part of this registry's API subset");
    }

    /**
     * Deletes a subject's versions for good (tombstones in the store topic, so a restart does not bring them back). Soft
     * and permanent deletion are the same here; a permanent delete of a subject already gone is 404, as Confluent answers.
     * Schema ids stay readable by id: data written with them must stay readable.
     */
    private Reply deleteSubject(String subject) {
        List<Version> versions = bySubject.get(subject);
        if (versions == null) {
            return subjectNotFound(subject);
        }
        for (Version v : versions) {
            persist(subject + "|" + v.version(), null);
        }
        bySubject.remove(subject);
        log.info("deleted subject {} ({} versions)", subject, versions.size());
        return new Reply(200, versions.stream().map(Version::version).toList());
    }

    private Reply register(String subject, Schema schema) {
        List<Version> versions = bySubject.getOrDefault(subject, List.of());
        for (Version v : versions) {
            if (v.schema().equals(schema)) {
                return new Reply(200, Map.of("id", v.id()));
            }
        }
        String level = level(subject);
        List<Version> against = level.endsWith("_TRANSITIVE") ? versions
                : versions.isEmpty() ? List.of() : List.of(versions.get(versions.size() - 1));
        String problem = incompatibility(subject, schema, against);
        if (problem != null) {
            return error(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                    + subject + "\" (" + level + "): " + problem);
        }
        int id = byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst()
                .orElse(byId.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
        Version v = new Version(subject, versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1, id, schema);
        persist(subject + "|" + v.version(), (ObjectNode) JSON.valueToTree(describe(v)));
        byId.put(id, schema);
        bySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(v);
        log.info("registered {} version {} as schema id {}", subject, v.version(), id);
        return new Reply(200, Map.of("id", id));
    }

    /** Null if compatible under the subject's level, else why not. */
    private String incompatibility(String subject, Schema candidate, List<Version> against) {
        String level = level(subject);
        for (Version v : against) {
            boolean backward = level.startsWith("BACKWARD") || level.startsWith("FULL");
            boolean forward = level.startsWith("FORWARD") || level.startsWith("FULL");
            if (backward) {
                var r = SchemaCompatibility.checkReaderWriterCompatibility(candidate, v.schema()).getResult();
                if (r.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    return "new schema cannot read version " + v.version() + ": " + r.getIncompatibilities();
                }
            }
            if (forward) {
                var r = SchemaCompatibility.checkReaderWriterCompatibility(v.schema(), candidate).getResult();
                if (r.getCompatibility() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    return "version " + v.version() + " cannot read the new schema: " + r.getIncompatibilities();
                }
            }
        }
        return null;
    }

    private String level(String subject) {
        return compatibility.getOrDefault(subject, compatibility.getOrDefault("", "BACKWARD"));
    }

    private Version version(String subject, String which) {
        List<Version> versions = bySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        if (which.equals("latest")) {
            return versions.get(versions.size() - 1);
        }
        int n = Integer.parseInt(which);
        return versions.stream().filter(v -> v.version() == n).findFirst().orElse(null);
    }

    private static Map<String, Object> describe(Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", v.subject());
        m.put("version", v.version());
        m.put("id", v.id());
        m.put("schema", v.schema().toString());
        return m;
    }

    private static Schema parse(JsonNode request) {
        String text = request.path("schema").asText(null);
        if (text == null) {
            throw new SchemaParseException("the request has no \"schema\" field");
        }
        String type = request.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaParseException("only AVRO schemas are supported, got " + type);
        }
        return new Schema.Parser().parse(text);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static Reply subjectNotFound(String subject) {
        return error(404, 40401, "Subject '" + subject + "' not found.");
    }

    private static Reply error(int status, int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_code", code);
        m.put("message", message);
        return new Reply(status, m);
    }
}
