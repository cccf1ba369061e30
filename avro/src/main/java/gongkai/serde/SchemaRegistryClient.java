package gongkai.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the monitor uses. {@link #connect(String)} gives the
 * REST client for {@code http(s)://} URLs and an in-process registry for {@code mock://scope} URLs
 * (as Confluent's serializers do), which {@code TopologyTestDriver} tests and {@code ./monitor check} use.
 */
public interface SchemaRegistryClient {

    static SchemaRegistryClient connect(String url) {
        return connect(url, java.util.Map.of(), RegistrySettings.DEFAULT_TIMEOUT);
    }

    /**
     * @param settings credentials and TLS settings as Confluent's client takes them (see {@link RegistrySettings})
     * @param timeout  how long to wait for the registry before it counts as unreachable
     */
    static SchemaRegistryClient connect(String url, java.util.Map<String, ?> settings, java.time.Duration timeout) {
        if (url != null && url.startsWith(InMemorySchemaRegistryClient.SCHEME)) {
            return InMemorySchemaRegistryClient.forScope(url.substring(InMemorySchemaRegistryClient.SCHEME.length()));
        }
        return new RestSchemaRegistryClient(RegistrySettings.of(url, settings, timeout));
    }

    String baseUrl();

    /** Registers the schema under the subject (or finds it if already there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Finds the id of a schema already registered under the subject, without registering it. */
    int lookupId(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getById(int id);

    RegisteredSchema latest(String subject);

    /** Whether the schema could be registered as the next version of the subject under its compatibility level. */
    boolean isCompatible(String subject, Schema schema);

    void setCompatibility(String subject, String level);

    String getCompatibility(String subject);

    /** Every subject the registry holds (soft-deleted ones left out, as the registries list them). */
    java.util.List<String> subjects();

    /**
     * Deletes a subject with all its versions, permanently where the registry tells soft from hard deletion (a soft
     * delete first, as Confluent's requires); returns the versions deleted. Schema ids other subjects use stay readable.
     */
    java.util.List<Integer> deleteSubject(String subject);
}
