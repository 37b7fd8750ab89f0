package org.safeguarding.exchange.registry.client;

/** The registry has no subject of this name (error 40401). */
public class SubjectNotFoundException extends SchemaRegistryException {

    private final String subject;

    public SubjectNotFoundException(String subject, String location, int httpStatus, int errorCode) {
        super("Subject '" + subject + "' not found in the schema registry at " + location
                + " (register the schema first, or enable auto.register.schemas)", httpStatus, errorCode);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
