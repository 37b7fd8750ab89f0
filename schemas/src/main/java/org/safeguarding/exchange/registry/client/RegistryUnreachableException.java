package org.safeguarding.exchange.registry.client;

/** No registry URL answered (connection refused, time-out, name not resolved). */
public class RegistryUnreachableException extends SchemaRegistryException {

    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
