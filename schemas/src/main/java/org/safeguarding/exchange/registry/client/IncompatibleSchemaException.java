package org.safeguarding.exchange.registry.client;

/** The registry refused a schema because it breaks the subject's compatibility rule (HTTP 409). */
public class IncompatibleSchemaException extends SchemaRegistryException {

    public IncompatibleSchemaException(String subject, String location, String registryMessage, int errorCode) {
        super("Schema refused as incompatible for subject '" + subject + "' by the schema registry at " + location
                + ": " + registryMessage, 409, errorCode);
    }
}
