package org.safeguarding.exchange.service.signatures;

import java.time.Instant;

/**
 * The public half of an agency's signing key, as the directory lists it.
 *
 * @param publicKey  the raw 32-byte Ed25519 public key
 * @param validFrom  inclusive; null when open
 * @param validUntil exclusive; null when open
 */
public record VerifyingKey(String keyId, String agency, byte[] publicKey, Instant validFrom, Instant validUntil) {

    public VerifyingKey {
        publicKey = publicKey.clone();
    }

    public boolean validAt(Instant instant) {
        return (validFrom == null || !instant.isBefore(validFrom)) && (validUntil == null || instant.isBefore(validUntil));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
