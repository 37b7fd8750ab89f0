package org.safeguarding.exchange.service.signatures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.safeguarding.exchange.signing.MessageSignature;

/**
 * Decides who sent a message: the agency whose directory key verifies the message's signature over its bytes, id,
 * claimed sender and send time ({@link MessageSignature}). Pure: keys and modes come in as functions.
 *
 * <p>A message signed with agency A's valid key but claiming to come from B is proven to come from A, and rejected:
 * the receipt goes to A, the register names A. A key is trusted only for messages sent inside its validity, and a
 * send time later than the receiving time (beyond the allowed clock skew) is refused, so a key cannot sign
 * "from the future" to outlive its end.
 */
public final class SenderProof {

    public static final String RULE_REQUIRED = "signature/required";
    public static final String RULE_MALFORMED = "signature/malformed";
    public static final String RULE_UNKNOWN_KEY = "signature/unknown-key";
    public static final String RULE_INVALID = "signature/invalid";
    public static final String RULE_KEY_NOT_VALID = "signature/key-not-valid";
    public static final String RULE_SENT_IN_FUTURE = "signature/sent-in-future";
    public static final String RULE_SENDER_MISMATCH = "sender/signed-by-another-agency";

    private static final String FIELD = "exchange-signature";

    private final Function<String, Optional<VerifyingKey>> keys;
    private final Function<String, SignatureMode> modes;
    private final Duration maxClockSkew;

    public SenderProof(Function<String, Optional<VerifyingKey>> keys, Function<String, SignatureMode> modes, Duration maxClockSkew) {
        this.keys = keys;
        this.modes = modes;
        this.maxClockSkew = maxClockSkew;
    }

    /** What a message's headers prove about its sender; {@code valueSha256} is the SHA-256 of its exact value bytes. */
    public Proof check(SignedHeaders headers, byte[] valueSha256, Instant receivedAt) {
        if (headers.unsigned()) {
            return modes.apply(headers.sender()) == SignatureMode.OPTIONAL
                    ? Proof.unproven()
                    : Proof.refused(null, null, RULE_REQUIRED, "Messages from " + headers.sender() + " must be signed: send the "
                    + MessageSignature.SIGNATURE_HEADER + ", " + MessageSignature.KEY_ID_HEADER + " and " + MessageSignature.SENT_AT_HEADER
                    + " headers (AUDITING.md, Signing messages).");
        }
        byte[] signature = MessageSignature.decodeOrNull(headers.signature());
        Instant sentAt = instantOrNull(headers.sentAt());
        if (signature == null || sentAt == null || headers.keyId() == null || headers.messageId() == null || headers.sender() == null) {
            return Proof.refused(null, null, RULE_MALFORMED, "A signed message needs " + MessageSignature.SIGNATURE_HEADER
                    + " (base64 of 64 bytes), " + MessageSignature.KEY_ID_HEADER + ", " + MessageSignature.SENT_AT_HEADER
                    + " (milliseconds since 1970), and the message id and sender headers it covers.");
        }
        Signature kept = new Signature(headers.keyId(), sentAt, signature);
        Optional<VerifyingKey> found = keys.apply(headers.keyId());
        if (found.isEmpty()) {
            return Proof.refused(null, kept, RULE_UNKNOWN_KEY, "No agency in the directory has the key " + headers.keyId() + ".");
        }
        VerifyingKey key = found.get();
        if (!key.signed(headers.messageId(), headers.sender(), sentAt, valueSha256, signature)) {
            return Proof.refused(null, kept, RULE_INVALID, "The signature does not verify with key " + key.keyId() + ": the message, its id,"
                    + " sender or send time changed after signing, or another key signed it.");
        }
        if (!key.validAt(sentAt)) {
            return Proof.refused(null, kept, RULE_KEY_NOT_VALID, "Key " + key.keyId() + " is valid " + validity(key)
                    + "; the message says it was sent at " + sentAt + ".");
        }
        if (sentAt.isAfter(receivedAt.plus(maxClockSkew))) {
            return Proof.refused(null, kept, RULE_SENT_IN_FUTURE, "The message says it was sent at " + sentAt + ", after it was received ("
                    + receivedAt + ").");
        }
        if (!key.agency().equals(headers.sender())) {
            return Proof.refused(key.agency(), kept, RULE_SENDER_MISMATCH, "The message claims to come from " + headers.sender()
                    + " but is signed with " + key.agency() + "'s key " + key.keyId() + ".");
        }
        return new Proof(key.agency(), kept, List.of());
    }

    private static String validity(VerifyingKey key) {
        return (key.validFrom() == null ? "" : "from " + key.validFrom() + " ") + (key.validUntil() == null ? "with no end" : "until " + key.validUntil());
    }

    private static Instant instantOrNull(String millis) {
        try {
            return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A signature as received: kept with the entry, whether or not it verified. */
    public record Signature(String keyId, Instant signedAt, byte[] value) {
    }

    /** A broken rule of sender proof, in the register's violation shape. */
    public record Violation(String field, String rule, String message) {
    }

    /**
     * What a message proves about its sender.
     *
     * @param provenSender the agency shown to have sent it, or null
     * @param signature    the signature it carried, or null when unsigned or unreadable
     * @param violations   empty when the message may be accepted as far as its sender goes
     */
    public record Proof(String provenSender, Signature signature, List<Violation> violations) {

        static Proof unproven() {
            return new Proof(null, null, List.of());
        }

        static Proof refused(String provenSender, Signature signature, String rule, String message) {
            return new Proof(provenSender, signature, List.of(new Violation(FIELD, rule, message)));
        }

        /** Accepted without a proven sender: an unsigned message from an agency allowed to send unsigned. */
        public boolean senderNotProven() {
            return provenSender == null && violations.isEmpty();
        }
    }
}
