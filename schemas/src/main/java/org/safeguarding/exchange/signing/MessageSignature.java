package org.safeguarding.exchange.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;

/**
 * What an agency signs when it sends a message, so that the exchange (and, years later, an auditor) can show that
 * this agency sent these exact bytes under this message id at this time.
 *
 * <p>The signed byte string, v1 (all integers big-endian):
 * <pre>
 *   "exchange-message-signature-v1"   29 bytes of ASCII, then one 0x00 byte
 *   message id                        uint32 length, then the UTF-8 bytes (the exchange-message-id header)
 *   sender                            uint32 length, then the UTF-8 bytes (the exchange-sender header)
 *   sent at                           int64, milliseconds since 1970-01-01T00:00:00Z (the exchange-sent-at header)
 *   SHA-256 of the record value       32 bytes: the exact Kafka value bytes, Confluent framing included
 * </pre>
 * The signature is Ed25519 (RFC 8032) over that string, sent base64-encoded in the {@value #SIGNATURE_HEADER}
 * header with the signing key's id in {@value #KEY_ID_HEADER}. The value enters through its SHA-256 so that the
 * register, which keeps that hash for every message, can check a signature even where it does not keep the bytes.
 */
public final class MessageSignature {

    public static final String SIGNATURE_HEADER = "exchange-signature";
    public static final String KEY_ID_HEADER = "exchange-signature-key";
    public static final String SENT_AT_HEADER = "exchange-sent-at";
    public static final int SIGNATURE_LENGTH = 64;

    private static final byte[] DOMAIN = "exchange-message-signature-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int SHA256_LENGTH = 32;

    private MessageSignature() {
    }

    /** The byte string an agency signs for a message (see the class comment). */
    public static byte[] signedBytes(String messageId, String sender, long sentAtMillis, byte[] valueSha256) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        if (valueSha256.length != SHA256_LENGTH) {
            throw new IllegalArgumentException("A SHA-256 is " + SHA256_LENGTH + " bytes, not " + valueSha256.length);
        }
        byte[] id = messageId.getBytes(StandardCharsets.UTF_8);
        byte[] from = sender.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(DOMAIN.length + 4 + id.length + 4 + from.length + 8 + SHA256_LENGTH)
                .put(DOMAIN)
                .putInt(id.length).put(id)
                .putInt(from.length).put(from)
                .putLong(sentAtMillis)
                .put(valueSha256)
                .array();
    }

    /** The byte string for a value as sent, hashing it first. */
    public static byte[] signedBytesOfValue(String messageId, String sender, long sentAtMillis, byte[] value) {
        return signedBytes(messageId, sender, sentAtMillis, sha256(value == null ? new byte[0] : value));
    }

    /** Signs with an Ed25519 private key (the JDK's own provider: signing is once per message sent). */
    public static byte[] sign(PrivateKey key, byte[] signedBytes) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(signedBytes);
            return ed25519.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot sign with this key (an Ed25519 private key is needed)", e);
        }
    }

    /** Adds a signature's three headers, as the exchange reads them, to a record's headers. */
    public static void addHeaders(Headers headers, String keyId, long sentAtMillis, byte[] signature) {
        headers.add(SENT_AT_HEADER, Long.toString(sentAtMillis).getBytes(StandardCharsets.UTF_8));
        headers.add(KEY_ID_HEADER, keyId.getBytes(StandardCharsets.UTF_8));
        headers.add(SIGNATURE_HEADER, encode(signature).getBytes(StandardCharsets.UTF_8));
    }

    /** The header form of a signature. */
    public static String encode(byte[] signature) {
        return Base64.getEncoder().encodeToString(signature);
    }

    /** A signature from its header form, or null when it is not base64 of 64 bytes. */
    public static byte[] decodeOrNull(String header) {
        if (header == null) {
            return null;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(header.strip());
            return signature.length == SIGNATURE_LENGTH ? signature : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
