package org.safeguarding.exchange.registry.client;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A registry call failed. {@link #errorCode()} is the registry's own code when it sent one
 * (for example 40401 subject not found, 409 incompatible), else 0.
 */
public class SchemaRegistryException extends SerializationException {

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = 0;
        this.errorCode = 0;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
