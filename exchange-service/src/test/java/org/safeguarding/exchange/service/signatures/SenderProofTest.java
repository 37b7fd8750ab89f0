package org.safeguarding.exchange.service.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

class SenderProofTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final byte[] VALUE = {0, 0, 0, 0, 1, 42};

    private final KeyPair hull = SigningKey.generate();
    private final KeyPair police = SigningKey.generate();
    private final KeyPair retired = SigningKey.generate();
    private final Map<String, VerifyingKey> keys = Map.of(
            "HULL-1", key("HULL-1", "LA-HULL", hull, null, null),
            "POL-1", key("POL-1", "POL-HUMBERSIDE", police, null, null),
            "HULL-0", key("HULL-0", "LA-HULL", retired, Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
    private final SenderProof proof = new SenderProof(id -> Optional.ofNullable(keys.get(id)),
            agency -> "CHY-ASPIRED".equals(agency) ? SignatureMode.OPTIONAL : SignatureMode.REQUIRED, Duration.ofMinutes(5));

    @Test
    void aMessageSignedWithItsSendersKeyProvesItsSender() {
        SenderProof.Proof result = check(signed("LA-HULL", "HULL-1", hull, NOW.minusSeconds(2), VALUE), VALUE);

        assertThat(result.provenSender()).isEqualTo("LA-HULL");
        assertThat(result.violations()).isEmpty();
        assertThat(result.signature().keyId()).isEqualTo("HULL-1");
        assertThat(result.signature().signedAt()).isEqualTo(NOW.minusSeconds(2));
    }

    @Test
    void oneFlippedByteOfTheValueBreaksTheSignature() {
        byte[] changed = VALUE.clone();
        changed[5] ^= 1;

        assertThat(rulesOf(check(signed("LA-HULL", "HULL-1", hull, NOW, VALUE), changed))).containsExactly(SenderProof.RULE_INVALID);
    }

    @Test
    void aChangedMessageIdOrSendTimeBreaksTheSignature() {
        SignedHeaders good = signed("LA-HULL", "HULL-1", hull, NOW, VALUE);

        assertThat(rulesOf(check(new SignedHeaders(UUID.randomUUID().toString(), good.sender(), good.sentAt(), good.keyId(), good.signature()),
                VALUE))).containsExactly(SenderProof.RULE_INVALID);
        assertThat(rulesOf(check(new SignedHeaders(good.messageId(), good.sender(), String.valueOf(NOW.toEpochMilli() - 1), good.keyId(),
                good.signature()), VALUE))).containsExactly(SenderProof.RULE_INVALID);
    }

    @Test
    void anAgencyCannotSendAsAnotherEvenWithAValidSignatureOfItsOwn() {
        SenderProof.Proof result = check(signed("LA-HULL", "POL-1", police, NOW, VALUE), VALUE);

        assertThat(rulesOf(result)).containsExactly(SenderProof.RULE_SENDER_MISMATCH);
        assertThat(result.provenSender()).as("the real sender, who gets the receipt").isEqualTo("POL-HUMBERSIDE");
    }

    @Test
    void anotherAgencysKeyIdWithOnesOwnSignatureDoesNotVerify() {
        SenderProof.Proof result = check(signed("LA-HULL", "HULL-1", police, NOW, VALUE), VALUE);

        assertThat(rulesOf(result)).containsExactly(SenderProof.RULE_INVALID);
        assertThat(result.provenSender()).isNull();
    }

    @Test
    void aKeyOutsideItsValidityProvesNothing() {
        SenderProof.Proof result = check(signed("LA-HULL", "HULL-0", retired, NOW, VALUE), VALUE);

        assertThat(rulesOf(result)).containsExactly(SenderProof.RULE_KEY_NOT_VALID);
        assertThat(result.provenSender()).isNull();
        assertThat(result.violations().get(0).message()).contains("until 2026-01-01T00:00:00Z");
    }

    @Test
    void anOldMessageSignedWhileItsKeyWasValidStillVerifies() {
        Instant sent = Instant.parse("2025-06-01T00:00:00Z");

        assertThat(check(signed("LA-HULL", "HULL-0", retired, sent, VALUE), VALUE).provenSender()).isEqualTo("LA-HULL");
    }

    @Test
    void aSendTimeInTheFutureIsRefused() {
        assertThat(rulesOf(check(signed("LA-HULL", "HULL-1", hull, NOW.plus(Duration.ofMinutes(6)), VALUE), VALUE)))
                .containsExactly(SenderProof.RULE_SENT_IN_FUTURE);
        assertThat(check(signed("LA-HULL", "HULL-1", hull, NOW.plus(Duration.ofMinutes(4)), VALUE), VALUE).violations()).isEmpty();
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertThat(rulesOf(check(signed("LA-HULL", "HULL-9", hull, NOW, VALUE), VALUE))).containsExactly(SenderProof.RULE_UNKNOWN_KEY);
    }

    @Test
    void anUnsignedMessageIsRefusedWhereSignaturesAreRequiredAndFlaggedWhereOptional() {
        String id = UUID.randomUUID().toString();

        assertThat(rulesOf(check(new SignedHeaders(id, "LA-HULL", null, null, null), VALUE))).containsExactly(SenderProof.RULE_REQUIRED);
        SenderProof.Proof optional = check(new SignedHeaders(id, "CHY-ASPIRED", null, null, null), VALUE);
        assertThat(optional.violations()).isEmpty();
        assertThat(optional.senderNotProven()).isTrue();
    }

    @Test
    void halfASignatureIsMalformed() {
        SignedHeaders good = signed("LA-HULL", "HULL-1", hull, NOW, VALUE);

        assertThat(rulesOf(check(new SignedHeaders(good.messageId(), good.sender(), null, good.keyId(), good.signature()), VALUE)))
                .containsExactly(SenderProof.RULE_MALFORMED);
        assertThat(rulesOf(check(new SignedHeaders(good.messageId(), good.sender(), good.sentAt(), good.keyId(), "AAAA"), VALUE)))
                .containsExactly(SenderProof.RULE_MALFORMED);
    }

    private SenderProof.Proof check(SignedHeaders headers, byte[] value) {
        return proof.check(headers, MessageSignature.sha256(value), NOW);
    }

    private static List<String> rulesOf(SenderProof.Proof proof) {
        return proof.violations().stream().map(SenderProof.Violation::rule).toList();
    }

    private static SignedHeaders signed(String sender, String keyId, KeyPair key, Instant sentAt, byte[] value) {
        String messageId = UUID.randomUUID().toString();
        byte[] signature = MessageSignature.sign(key.getPrivate(), MessageSignature.signedBytesOfValue(messageId, sender, sentAt.toEpochMilli(), value));
        return new SignedHeaders(messageId, sender, String.valueOf(sentAt.toEpochMilli()), keyId, MessageSignature.encode(signature));
    }

    private static VerifyingKey key(String id, String agency, KeyPair pair, Instant from, Instant until) {
        return new VerifyingKey(id, agency, SigningKey.rawPublicKey(pair.getPublic()), from, until);
    }
}
