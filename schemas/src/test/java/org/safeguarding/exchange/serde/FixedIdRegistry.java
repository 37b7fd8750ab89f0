package org.safeguarding.exchange.serde;

import org.apache.avro.Schema;
import org.safeguarding.exchange.registry.client.RegisteredSchema;
import org.safeguarding.exchange.registry.client.SchemaNotFoundException;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;

/** A registry that hands out one given id for one given schema, so that a test can pin the exact bytes. */
final class FixedIdRegistry implements SchemaRegistryClient {

    private final int id;
    private final Schema schema;

    FixedIdRegistry(int id, Schema schema) {
        this.id = id;
        this.schema = schema;
    }

    @Override
    public int register(String subject, Schema given) {
        return idOf(given);
    }

    @Override
    public int getId(String subject, Schema given) {
        return idOf(given);
    }

    @Override
    public Schema getSchemaById(int wanted) {
        if (wanted != id) {
            throw new SchemaNotFoundException("Schema id " + wanted + " not found in the schema registry at " + location(), 404, 40403);
        }
        return schema;
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        return new RegisteredSchema(subject, id, 1, schema);
    }

    @Override
    public String location() {
        return "fixed://" + id;
    }

    private int idOf(Schema given) {
        if (!given.equals(schema)) {
            throw new IllegalArgumentException("This registry holds only " + schema + ", not " + given);
        }
        return id;
    }
}
