package org.safeguarding.exchange.service.registry;

/** The content types Confluent's Schema Registry speaks; the first is the one it answers with. */
public final class RegistryMediaTypes {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    public static final String JSON = "application/json";
    /** Clients that send no content type, or a generic one, are still served, as Confluent does. */
    public static final String OCTET_STREAM = "application/octet-stream";

    private RegistryMediaTypes() {
    }
}
