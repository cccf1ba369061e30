package gongkai.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-process registry for {@code mock://scope} URLs: same ids for the same schema, versions per
 * subject, BACKWARD compatibility by default. For unit tests and the in-process {@code check}
 * command only; everything that talks to a broker uses a real registry.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
    static final String SCHEME = "mock://";
    private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, List<RegisteredSchema>> bySubject = new HashMap<>();
    private final Map<String, String> levels = new HashMap<>();

    private InMemorySchemaRegistryClient(String scope) {
        this.scope = scope;
    }

    public static InMemorySchemaRegistryClient forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistryClient::new);
    }

    /** Forgets a scope, so the next test starts from an empty registry. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public String baseUrl() {
        return SCHEME + scope;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<RegisteredSchema> versions = bySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        for (RegisteredSchema v : versions) {
            if (v.schema().equals(schema)) {
                return v.id();
            }
        }
        if (!versions.isEmpty() && !compatible(subject, schema, versions.get(versions.size() - 1).schema())) {
            throw new SchemaRegistryException("registry " + baseUrl() + " refused to register a schema under subject '" + subject
                    + "': incompatible with the latest version", 409, 409, null);
        }
        int id = byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey).findFirst()
                .orElse(byId.size() + 1);
        byId.put(id, schema);
        versions.add(new RegisteredSchema(subject, versions.size() + 1, id, schema));
        return id;
    }

    @Override
    public synchronized int lookupId(String subject, Schema schema) {
        return bySubject.getOrDefault(subject, List.of()).stream().filter(v -> v.schema().equals(schema)).findFirst()
                .map(RegisteredSchema::id)
                .orElseThrow(() -> new SchemaRegistryException("registry " + baseUrl() + ": schema not found under subject '"
                        + subject + "'", 404, 40403, null));
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema s = byId.get(id);
        if (s == null) {
            throw new SchemaRegistryException("registry " + baseUrl() + ": schema id " + id + " not found", 404, 40403, null);
        }
        return s;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<RegisteredSchema> versions = bySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException("registry " + baseUrl() + ": subject '" + subject + "' not found", 404, 40401, null);
        }
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return compatible(subject, schema, latest(subject).schema());
    }

    @Override
    public synchronized void setCompatibility(String subject, String level) {
        levels.put(subject, level);
    }

    @Override
    public synchronized String getCompatibility(String subject) {
        return levels.getOrDefault(subject, "BACKWARD");
    }

    @Override
    public synchronized List<String> subjects() {
        return new ArrayList<>(bySubject.keySet());
    }

    @Override
    public synchronized List<Integer> deleteSubject(String subject) {
        List<RegisteredSchema> versions = bySubject.remove(subject);
        if (versions == null) {
            throw new SchemaRegistryException("registry " + baseUrl() + ": subject '" + subject + "' not found", 404, 40401, null);
        }
        return versions.stream().map(RegisteredSchema::version).toList();
    }

    private boolean compatible(String subject, Schema candidate, Schema latest) {
        String level = getCompatibility(subject);
        boolean ok = true;
        if (level.startsWith("BACKWARD") || level.startsWith("FULL")) {
            ok &= SchemaCompatibility.checkReaderWriterCompatibility(candidate, latest).getType()
                    == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        }
        if (level.startsWith("FORWARD") || level.startsWith("FULL")) {
            ok &= SchemaCompatibility.checkReaderWriterCompatibility(latest, candidate).getType()
                    == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
        }
        return ok;
    }
}
