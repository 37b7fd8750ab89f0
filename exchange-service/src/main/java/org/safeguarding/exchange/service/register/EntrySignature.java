package org.safeguarding.exchange.service.register;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The sender's signature over a message, as the register keeps it under the entry hash, so that an auditor can show
 * years later which key signed these exact bytes.
 *
 * @param keyId    the id of the sender's key that made the signature, as the agency directory lists it
 * @param signedAt the send time the signature covers, kept in milliseconds
 * @param value    the signature bytes
 */
public record EntrySignature(String keyId, Instant signedAt, byte[] value) {

    public EntrySignature {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(value, "value");
        // Milliseconds, as the signed byte string states the send time; the entry hash covers them.
        signedAt = Objects.requireNonNull(signedAt, "signedAt").truncatedTo(ChronoUnit.MILLIS);
    }
}
