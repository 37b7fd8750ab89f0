package org.safeguarding.exchange.service.checkpoints;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.safeguarding.exchange.service.register.EntryFacts;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/** Register entries for tests that write the register directly, spread over a few chains of their own topic. */
final class TestEntries {

    static final String TOPIC = "test.checkpoints";
    private static final AtomicLong OFFSETS = new AtomicLong();
    private static final Random RANDOM = new Random(7);

    private TestEntries() {
    }

    static List<NewEntry> batch(int size) {
        return batch(size, TOPIC);
    }

    /** Entries in the chains of this topic: writers running at once must not share a chain, as in the service. */
    static List<NewEntry> batch(int size, String topic) {
        List<NewEntry> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            batch.add(entry(topic));
        }
        return batch;
    }

    static synchronized NewEntry entry(String topic) {
        long offset = OFFSETS.getAndIncrement();
        byte[] payload = new byte[200];
        RANDOM.nextBytes(payload);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String messageId = UUID.randomUUID().toString();
        // Every searchable value present, so that a change to any of them is a change a verifier must find.
        EntryFacts facts = new EntryFacts("ShareDecision", "CASE-" + offset, "SCH-OAKFIELD", List.of("LA-HULL", "NHS-HUMBER"),
                "A. Teacher", "SHARE_PARTIAL", "GIVEN", now.minusSeconds(600), now.minusSeconds(60), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), List.of("PERSON-AMY-" + offset));
        return new NewEntry(messageId, new SourceCoordinates(topic, (int) (offset % 4), offset), now,
                "SCH-OAKFIELD", EntryOutcome.ACCEPTED, 1, payload, sha256(payload), payload.length, facts, Set.of("LATE_ENTRY"), List.of(),
                "SCH-OAKFIELD", schoolSignature(messageId, payload, now.minusSeconds(1)));
    }

    /** The school's signature over a message, with the key the service under test made for it, as its own client signs. */
    static EntrySignature schoolSignature(String messageId, byte[] payload, Instant sentAt) {
        SigningKey key = TestKeys.signingKey("SCH-OAKFIELD");
        return new EntrySignature(key.keyId(), sentAt, MessageSignature.sign(key.privateKey(),
                MessageSignature.signedBytes(messageId, "SCH-OAKFIELD", sentAt.toEpochMilli(), sha256(payload))));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
