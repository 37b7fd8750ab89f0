package org.safeguarding.exchange.service.registry.internal;

import org.apache.avro.Schema;
import org.safeguarding.exchange.registry.client.IncompatibleSchemaException;
import org.safeguarding.exchange.registry.client.RegisteredSchema;
import org.safeguarding.exchange.registry.client.SchemaNotFoundException;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryException;
import org.safeguarding.exchange.registry.client.SubjectNotFoundException;
import org.safeguarding.exchange.service.registry.RegistryException;
import org.safeguarding.exchange.service.registry.SchemaRegistry;

/**
 * The service's own serde talking to the registry it serves, in-process: the same rules and store as the HTTP API,
 * without an HTTP round trip to itself, registering as the service ({@link SchemaRegistry#registerAsService}). Errors
 * become the client's exceptions, as the HTTP client would raise them.
 */
public final class LocalSchemaRegistryClient implements SchemaRegistryClient {

    private static final String LOCATION = "in-process registry";
    private final SchemaRegistry registry;

    public LocalSchemaRegistryClient(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) {
        try {
            return registry.registerAsService(subject, new SchemaRegistry.Submission(schema.toString(), null, false));
        } catch (RegistryException e) {
            throw translate(subject, e);
        }
    }

    @Override
    public int getId(String subject, Schema schema) {
        try {
            return registry.lookUp(subject, new SchemaRegistry.Submission(schema.toString(), null, false), false).id();
        } catch (RegistryException e) {
            throw translate(subject, e);
        }
    }

    @Override
    public Schema getSchemaById(int id) {
        try {
            return new Schema.Parser().parse(registry.schemaById(id));
        } catch (RegistryException e) {
            throw translate(null, e);
        }
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        try {
            SchemaRegistry.RegisteredSchema latest = registry.version(subject, "latest", false);
            return new RegisteredSchema(latest.subject(), latest.id(), latest.version(), new Schema.Parser().parse(latest.schema()));
        } catch (RegistryException e) {
            throw translate(subject, e);
        }
    }

    @Override
    public String location() {
        return LOCATION;
    }

    private static SchemaRegistryException translate(String subject, RegistryException e) {
        return switch (e.errorCode()) {
            case 40401 -> new SubjectNotFoundException(subject, LOCATION, e.httpStatus(), e.errorCode());
            case 40403 -> new SchemaNotFoundException(e.getMessage(), e.httpStatus(), e.errorCode());
            case 409 -> new IncompatibleSchemaException(subject, LOCATION, e.getMessage(), e.errorCode());
            default -> new SchemaRegistryException(e.getMessage(), e.httpStatus(), e.errorCode());
        };
    }
}
