package org.safeguarding.exchange.service.signatures;

import java.time.Instant;
import org.safeguarding.exchange.service.signatures.internal.Ed25519;
import org.safeguarding.exchange.signing.MessageSignature;

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

    /**
     * Whether this key, valid when the message says it was sent, signed the message: the {@link MessageSignature}
     * byte string of its id, claimed sender, send time and value hash.
     */
    public boolean verifies(String messageId, String sender, Instant sentAt, byte[] valueSha256, byte[] signature) {
        return validAt(sentAt) && signed(messageId, sender, sentAt, valueSha256, signature);
    }

    /** Whether this key made the signature, whatever its validity. */
    public boolean signed(String messageId, String sender, Instant sentAt, byte[] valueSha256, byte[] signature) {
        return Ed25519.verify(publicKey, MessageSignature.signedBytes(messageId, sender, sentAt.toEpochMilli(), valueSha256), signature);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }
}
