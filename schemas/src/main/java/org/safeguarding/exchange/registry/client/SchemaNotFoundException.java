package org.safeguarding.exchange.registry.client;

/** A schema id the registry does not know, or a schema not registered under a subject (error 40403). */
public class SchemaNotFoundException extends SchemaRegistryException {

    public SchemaNotFoundException(String message, int httpStatus, int errorCode) {
        super(message, httpStatus, errorCode);
    }

    static SchemaNotFoundException forId(int id, String location, int httpStatus, int errorCode) {
        return new SchemaNotFoundException("Schema id " + id + " not found in the schema registry at " + location,
                httpStatus, errorCode);
    }

    static SchemaNotFoundException underSubject(String subject, String location, int httpStatus, int errorCode) {
        return new SchemaNotFoundException("Schema not registered under subject '" + subject
                + "' in the schema registry at " + location
                + " (register it first, or enable auto.register.schemas)", httpStatus, errorCode);
    }
}
