package org.safeguarding.exchange.registry.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers what the registry said, so that a serializer or deserializer asks it once per schema and never per
 * message: id to schema, (subject, schema) to id, and the latest version per subject. Ids and registered versions
 * never change in a Confluent-compatible registry, so those caches never expire; the latest version is kept for the
 * life of the client, as Confluent's client does by default.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryClient registry;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<String, RegisteredSchema> latestBySubject = new ConcurrentHashMap<>();

    public CachedSchemaRegistryClient(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        Integer known = knownId(subject, schema);
        if (known != null) {
            return known;
        }
        int id = registry.register(subject, schema);
        remember(subject, schema, id);
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer known = knownId(subject, schema);
        if (known != null) {
            return known;
        }
        int id = registry.getId(subject, schema);
        remember(subject, schema, id);
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema known = schemasById.get(id);
        if (known != null) {
            return known;
        }
        // Not computeIfAbsent: a registry call must not hold a lock of the map while it waits on the network.
        Schema fetched = registry.getSchemaById(id);
        Schema raced = schemasById.putIfAbsent(id, fetched);
        return raced == null ? fetched : raced;
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        RegisteredSchema known = latestBySubject.get(subject);
        if (known != null) {
            return known;
        }
        RegisteredSchema latest = registry.getLatestVersion(subject);
        latestBySubject.put(subject, latest);
        remember(subject, latest.schema(), latest.id());
        return latest;
    }

    @Override
    public String location() {
        return registry.location();
    }

    private Integer knownId(String subject, Schema schema) {
        Map<Schema, Integer> ids = idsBySubject.get(subject);
        return ids == null ? null : ids.get(schema);
    }

    private void remember(String subject, Schema schema, int id) {
        idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>()).put(schema, id);
        // What we registered is what the id stands for: a consumer in the same process need not fetch it back.
        schemasById.putIfAbsent(id, schema);
    }
}
