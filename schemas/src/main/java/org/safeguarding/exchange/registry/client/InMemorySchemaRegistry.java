package org.safeguarding.exchange.registry.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for tests and benchmarks: {@code schema.registry.url=mock://<scope>} gives every
 * serializer and deserializer configured with the same scope the same instance, as Confluent's MockSchemaRegistry
 * does. Ids are global and start at 1; the same schema gets the same id under every subject. It checks no
 * compatibility.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    public static final String MOCK_URL_PREFIX = "mock://";

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();

    public InMemorySchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry shared by everything configured with {@code mock://<scope>}. */
    public static InMemorySchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistry::new);
    }

    /** Forgets a scope, so that a later test starts from an empty registry. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        Integer id = idsBySchema.get(schema);
        if (id == null) {
            schemasById.add(schema);
            id = schemasById.size();
            idsBySchema.put(schema, id);
        }
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int getId(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null) {
            throw new SubjectNotFoundException(subject, location(), 404, 40401);
        }
        Integer id = idsBySchema.get(schema);
        if (id == null || !versions.contains(id)) {
            throw SchemaNotFoundException.underSubject(subject, location(), 404, 40403);
        }
        return id;
    }

    @Override
    public synchronized Schema getSchemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw SchemaNotFoundException.forId(id, location(), 404, 40403);
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized RegisteredSchema getLatestVersion(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SubjectNotFoundException(subject, location(), 404, 40401);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), schemasById.get(id - 1));
    }

    @Override
    public String location() {
        return MOCK_URL_PREFIX + scope;
    }
}
