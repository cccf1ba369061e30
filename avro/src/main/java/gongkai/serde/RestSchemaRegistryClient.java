package gongkai.serde;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

/**
 * A caching client for the Confluent Schema Registry REST API (the subset the serde and our tools
 * need). Works against Confluent, Apicurio's ccompat API, Karapace, Redpanda and our embedded
 * registry alike, since all speak this protocol.
 *
 * <p>Ids are immutable in the registry, so id-to-schema and schema-to-id answers are cached for
 * the life of the client; "latest" and config answers are not.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(String baseUrl) {
        this(RegistrySettings.open(baseUrl, RegistrySettings.DEFAULT_TIMEOUT));
    }

    public RestSchemaRegistryClient(String baseUrl, Duration timeout) {
        this(RegistrySettings.open(baseUrl, timeout));
    }

    /** A client with credentials and TLS settings (basic auth, bearer token, truststore) as Confluent's client takes them. */
    public RestSchemaRegistryClient(RegistrySettings settings) {
        this.baseUrl = settings.url();
        this.authorization = settings.authorization();
        this.timeout = settings.timeout();
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout);
        if (settings.tls() != null) {
            b.sslContext(settings.tls());
        }
        this.http = b.build();
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    /** Registers the schema under the subject (or finds it if already there) and returns its global id. */
    @Override
    public int register(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema),
                "register a schema under subject '" + subject + "'");
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " answered a registration under subject '"
                    + subject + "' without an id: " + answer, 200, 0, null);
        }
        remember(subject, schema, id);
        return id;
    }

    /** Finds the id of a schema already registered under the subject, without registering it. */
    @Override
    public int lookupId(String subject, Schema schema) {
        Integer cached = idsBySubject.getOrDefault(subject, Map.of()).get(schema);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("POST", "/subjects/" + enc(subject), schemaBody(schema),
                "look up a schema under subject '" + subject + "'");
        int id = answer.path("id").asInt();
        remember(subject, schema, id);
        return id;
    }

    /** The schema with this global id. */
    @Override
    public Schema getById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = send("GET", "/schemas/ids/" + id, null, "fetch schema id " + id);
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public RegisteredSchema latest(String subject) {
        JsonNode a = send("GET", "/subjects/" + enc(subject) + "/versions/latest", null,
                "fetch the latest schema of subject '" + subject + "'");
        return new RegisteredSchema(a.path("subject").asText(subject), a.path("version").asInt(), a.path("id").asInt(),
                new Schema.Parser().parse(a.path("schema").asText()));
    }

    /** Whether the schema could be registered as the next version of the subject under its compatibility level. */
    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode a = send("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest", schemaBody(schema),
                "test compatibility under subject '" + subject + "'");
        return a.path("is_compatible").asBoolean(false);
    }

    /** Sets the compatibility level (BACKWARD, FORWARD, FULL, NONE, …) of one subject. */
    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        send("PUT", "/config/" + enc(subject), body.toString(), "set compatibility of subject '" + subject + "'");
    }

    /** The compatibility level of one subject (falling back to the global level where the registry does so). */
    @Override
    public String getCompatibility(String subject) {
        JsonNode a;
        try {
            a = send("GET", "/config/" + enc(subject) + "?defaultToGlobal=true", null, "read compatibility of subject '" + subject + "'");
        } catch (SchemaRegistryException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            a = send("GET", "/config", null, "read the global compatibility level");
        }
        JsonNode level = a.has("compatibilityLevel") ? a.get("compatibilityLevel") : a.get("compatibility");
        return level == null ? null : level.asText();
    }

    @Override
    public java.util.List<String> subjects() {
        java.util.List<String> out = new java.util.ArrayList<>();
        send("GET", "/subjects", null, "list the subjects").forEach(n -> out.add(n.asText()));
        return out;
    }

    @Override
    public java.util.List<Integer> deleteSubject(String subject) {
        java.util.List<Integer> versions = new java.util.ArrayList<>();
        send("DELETE", "/subjects/" + enc(subject), null, "delete subject '" + subject + "'").forEach(n -> versions.add(n.asInt()));
        try {
            send("DELETE", "/subjects/" + enc(subject) + "?permanent=true", null, "delete subject '" + subject + "' permanently");
        } catch (SchemaRegistryException e) {
            // A registry that deletes at once has nothing left to delete permanently.
            if (!e.isNotFound()) {
                throw e;
            }
        }
        idsBySubject.remove(subject);
        return versions;
    }

    /** One cheap request ({@code GET /subjects}): throws {@link SchemaRegistryException} if the registry is unreachable or refuses us. */
    public void checkReachable() {
        send("GET", "/subjects", null, "list subjects");
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        schemasById.putIfAbsent(id, schema);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body, String what) {
        URI uri = URI.create(baseUrl + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpTimeoutException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " is unreachable (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ") while trying to " + what, 0, 0, e);
        } catch (javax.net.ssl.SSLException e) {
            throw new SchemaRegistryException("TLS with the schema registry at " + baseUrl + " failed (" + e.getMessage() + ") while trying to "
                    + what + ": does schema.registry.ssl.truststore.location hold the CA that signed its certificate?", 0, 0, e);
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " is unreachable (" + e + ") while trying to " + what, 0, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("interrupted while trying to " + what + " at " + baseUrl, 0, 0, e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " refused the credentials (HTTP " + response.statusCode()
                    + ") while trying to " + what + ": " + (authorization == null ? "it needs some: set basic.auth.credentials.source=USER_INFO and "
                    + "basic.auth.user.info, or bearer.auth.token" : "check basic.auth.user.info / bearer.auth.token"), response.statusCode(), 0, null);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SchemaRegistryException("schema registry at " + baseUrl + " answered HTTP " + response.statusCode()
                    + " with a body that is not JSON while trying to " + what, response.statusCode(), 0, e);
        }
        if (response.statusCode() / 100 != 2) {
            int code = json.path("error_code").asInt(response.statusCode());
            String message = json.path("message").asText(response.body());
            throw new SchemaRegistryException("schema registry at " + baseUrl + " refused to " + what + ": HTTP "
                    + response.statusCode() + ", error " + code + ": " + message, response.statusCode(), code, null);
        }
        return json;
    }
}
