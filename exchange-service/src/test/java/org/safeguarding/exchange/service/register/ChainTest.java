package org.safeguarding.exchange.service.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainTest {

    static NewEntry message(String id, long offset, String sender, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return new NewEntry(id, new SourceCoordinates("exchange.share-requests", 2, offset), Instant.parse("2026-03-02T10:41:00Z"),
                sender, EntryOutcome.ACCEPTED, 7, bytes, EntryEncoding.sha256(bytes), bytes.length,
                new EntryFacts("ShareRequest", "CASE-1", sender, List.of("LA-HULL"), "Priya Shah", null, "GIVEN",
                        Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T10:40:00Z"), null, "REQ-1", List.of()),
                Set.of(), List.of(), null, null);
    }

    /** A message with every value version 2 adds: a proven sender, a signature, people named, times before 1970. */
    static NewEntry signedMessage() {
        byte[] bytes = "signed".getBytes(StandardCharsets.UTF_8);
        return new NewEntry("m-s", new SourceCoordinates("exchange.hazard-notifications", 1, 5), Instant.parse("2026-03-02T10:41:00.123Z"),
                "POL-HUMBERSIDE", EntryOutcome.ACCEPTED, 9, bytes, EntryEncoding.sha256(bytes), bytes.length,
                new EntryFacts("HazardNotification", "CASE-Zoë", "POL-HUMBERSIDE", List.of("SCH-OAKFIELD", "LA-HULL"), null, null, null,
                        Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2026-03-02T10:40:00.123456Z"), "m-0", null,
                        List.of("PERSON-MARK", "PERSON-AMY")),
                Set.of("LATE_ENTRY", "CORRECTION"), List.of(new EntryViolation("f", "r", "m")), "POL-HUMBERSIDE",
                new EntrySignature("key-1", Instant.parse("2026-03-02T10:40:59.999Z"), new byte[] {1, 2, 3}));
    }

    private static List<RegisterEntry> threeEntries() {
        Chain chain = Chain.empty("exchange.share-requests/2");
        List<RegisterEntry> entries = new ArrayList<>();
        entries.add(chain.append(10, message("m-1", 100, "SCH-OAKFIELD", "first")));
        entries.add(chain.append(11, message("m-2", 101, "SCH-OAKFIELD", "second")));
        entries.add(chain.append(15, message("m-3", 102, "SCH-OAKFIELD", "third")));
        return entries;
    }

    private static String verify(List<RegisterEntry> stored) {
        Chain chain = Chain.empty("exchange.share-requests/2");
        for (RegisterEntry entry : stored) {
            String problem = chain.verifyNext(entry);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    @Test
    void eachEntryLinksToThePreviousOneAndTheFirstToTheGenesisHash() {
        List<RegisterEntry> entries = threeEntries();
        assertThat(entries.get(0).previousHash()).isEqualTo(EntryEncoding.GENESIS_HASH);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).entryHash());
        assertThat(entries.get(2).previousHash()).isEqualTo(entries.get(1).entryHash());
        assertThat(entries).extracting(RegisterEntry::chainPosition).containsExactly(0L, 1L, 2L);
        assertThat(verify(entries)).isNull();
    }

    @Test
    void theEncodingIsStable() {
        // Known answers: changing a canonical encoding breaks every stored hash, so a change must be a new version, and
        // entries written with version 1 must keep verifying with it.
        assertThat(HexFormat.of().formatHex(EntryEncoding.entryHash(EntryEncoding.encode(1, 10, "exchange.share-requests/2", 0,
                EntryEncoding.GENESIS_HASH, message("m-1", 100, "SCH-OAKFIELD", "first"), null))))
                .isEqualTo(KNOWN_FIRST_HASH);
        RegisterEntry first = threeEntries().get(0);
        assertThat(first.entryVersion()).isEqualTo(2);
        assertThat(HexFormat.of().formatHex(first.entryHash()))
                .isEqualTo(HexFormat.of().formatHex(EntryEncoding.entryHash(EntryEncoding.encode(2, 10, "exchange.share-requests/2", 0,
                        EntryEncoding.GENESIS_HASH, message("m-1", 100, "SCH-OAKFIELD", "first"), null))))
                .isEqualTo(KNOWN_FIRST_HASH_V2);
        RegisterEntry signed = Chain.empty("exchange.hazard-notifications/1").append(11, signedMessage(), SCHEMA_SHA256);
        assertThat(HexFormat.of().formatHex(signed.entryHash())).isEqualTo(KNOWN_SIGNED_HASH_V2);
    }

    /** Computed outside Java, by a short script written from EntryEncoding's documentation alone. */
    static final String KNOWN_FIRST_HASH = "d33c6a895599bdc36e4855d051c4dc705aff9ef29810368f6b77c99ff32feb41";
    /** The same entry in version 2; computed outside Java, by a script written from EntryEncoding's documentation alone. */
    static final String KNOWN_FIRST_HASH_V2 = "d283982503dffc118d2ad961421e568982dcc045d39d831ed556d99d6fccdefb";
    /** {@link #signedMessage()} in version 2, with {@link #SCHEMA_SHA256}; computed outside Java, as above. */
    static final String KNOWN_SIGNED_HASH_V2 = "0c2cd9d6e1ea9ebf90dae5adc12f6b482169826e79e243a7b96a35c64c829ea2";
    static final byte[] SCHEMA_SHA256 = EntryEncoding.sha256("{\"type\":\"record\",\"name\":\"X\",\"fields\":[]}".getBytes(StandardCharsets.UTF_8));

    @Test
    void anEntryKeepsTheVersionItWasWrittenWithAndEveryValueOfVersionTwoIsUnderItsHash() {
        RegisterEntry signed = Chain.empty("exchange.hazard-notifications/1").append(11, signedMessage(), SCHEMA_SHA256);
        RegisterEntry asVersionOne = new RegisterEntry(signed.sequence(), signed.chainId(), signed.chainPosition(), signed.previousHash(),
                EntryEncoding.entryHash(EntryEncoding.encode(1, 11, signed.chainId(), 0, signed.previousHash(), signed.message(), null)),
                signed.message(), 1, null);
        assertThat(Chain.empty(signed.chainId()).verifyNext(asVersionOne)).isNull();
        assertThat(Chain.empty(signed.chainId()).verifyNext(signed)).isNull();

        NewEntry m = signed.message();
        EntryFacts f = m.facts();
        List<NewEntry> changed = List.of(
                m.withFacts(new EntryFacts(f.recordType(), "CASE-OTHER", f.sendingAgency(), f.recipientAgencies(), f.requesterName(),
                        f.decision(), f.consentStatus(), f.occurredAt(), f.recordedAt(), f.correctsMessageId(), f.requestId(),
                        f.personReferences())),
                m.withFacts(f.withRecipients(List.of("LA-HULL", "SCH-OAKFIELD"))),
                m.withFacts(new EntryFacts(f.recordType(), f.caseReference(), f.sendingAgency(), f.recipientAgencies(), f.requesterName(),
                        f.decision(), f.consentStatus(), f.occurredAt().plusNanos(1_000), f.recordedAt(), f.correctsMessageId(),
                        f.requestId(), f.personReferences())),
                m.withFacts(new EntryFacts(f.recordType(), f.caseReference(), f.sendingAgency(), f.recipientAgencies(), f.requesterName(),
                        f.decision(), f.consentStatus(), f.occurredAt(), f.recordedAt(), f.correctsMessageId(), f.requestId(),
                        List.of("PERSON-MARK"))),
                new NewEntry(m.messageId(), m.source(), m.receivedAt(), m.sender(), m.outcome(), m.schemaId(), m.payload(),
                        m.payloadSha256(), m.payloadSize(), f, m.flags(), m.violations(), null, m.signature()),
                new NewEntry(m.messageId(), m.source(), m.receivedAt(), m.sender(), m.outcome(), m.schemaId(), m.payload(),
                        m.payloadSha256(), m.payloadSize(), f, m.flags(), m.violations(), m.provenSender(),
                        new EntrySignature("key-1", m.signature().signedAt(), new byte[] {1, 2, 4})));
        for (NewEntry tampered : changed) {
            RegisterEntry stored = new RegisterEntry(signed.sequence(), signed.chainId(), signed.chainPosition(), signed.previousHash(),
                    signed.entryHash(), tampered, 2, signed.schemaSha256());
            assertThat(Chain.empty(signed.chainId()).verifyNext(stored)).isEqualTo("entry 11: its contents do not match its hash");
        }
        RegisterEntry otherSchema = new RegisterEntry(signed.sequence(), signed.chainId(), signed.chainPosition(), signed.previousHash(),
                signed.entryHash(), m, 2, null);
        assertThat(Chain.empty(signed.chainId()).verifyNext(otherSchema)).isEqualTo("entry 11: its contents do not match its hash");
        RegisterEntry claimedVersionOne = new RegisterEntry(signed.sequence(), signed.chainId(), signed.chainPosition(),
                signed.previousHash(), signed.entryHash(), m, 1, null);
        assertThat(Chain.empty(signed.chainId()).verifyNext(claimedVersionOne)).isEqualTo("entry 11: its contents do not match its hash");
    }

    @Test
    void aChangedFieldIsFoundAtItsEntry() {
        List<RegisterEntry> entries = threeEntries();
        RegisterEntry original = entries.get(1);
        entries.set(1, new RegisterEntry(original.sequence(), original.chainId(), original.chainPosition(), original.previousHash(),
                original.entryHash(), message("m-2", 101, "POL-HUMBERSIDE", "second"), original.entryVersion(), original.schemaSha256()));
        assertThat(verify(entries)).isEqualTo("entry 11: its contents do not match its hash");
    }

    @Test
    void changedMessageBytesAreFound() {
        List<RegisterEntry> entries = threeEntries();
        RegisterEntry original = entries.get(2);
        NewEntry m = original.message();
        NewEntry tampered = new NewEntry(m.messageId(), m.source(), m.receivedAt(), m.sender(), m.outcome(), m.schemaId(),
                "thirD".getBytes(StandardCharsets.UTF_8), m.payloadSha256(), m.payloadSize(), m.facts(), m.flags(), m.violations(),
                m.provenSender(), m.signature());
        entries.set(2, new RegisterEntry(original.sequence(), original.chainId(), original.chainPosition(), original.previousHash(),
                original.entryHash(), tampered, original.entryVersion(), original.schemaSha256()));
        assertThat(verify(entries)).isEqualTo("entry 15: the stored message bytes do not match their recorded hash");
    }

    @Test
    void aRemovedEntryIsFound() {
        List<RegisterEntry> entries = threeEntries();
        entries.remove(1);
        assertThat(verify(entries)).contains("expected position 1 but found 2");
    }

    @Test
    void swappedEntriesAreFound() {
        List<RegisterEntry> entries = threeEntries();
        RegisterEntry a = entries.get(0);
        RegisterEntry b = entries.get(1);
        // Swapping positions as well as rows: the links no longer hold.
        entries.set(0, new RegisterEntry(b.sequence(), b.chainId(), 0, b.previousHash(), b.entryHash(), b.message(), 2, null));
        entries.set(1, new RegisterEntry(a.sequence(), a.chainId(), 1, a.previousHash(), a.entryHash(), a.message(), 2, null));
        assertThat(verify(entries)).contains("position 0 does not link");
    }

    @Test
    void theReceivingTimeIsKeptInMillisecondsSoTheDatabaseCannotRoundItAwayFromItsHash() {
        NewEntry m = message("m-9", 9, "SCH-OAKFIELD", "x");
        NewEntry precise = new NewEntry(m.messageId(), m.source(), Instant.parse("2026-03-02T10:41:00.123999999Z"), m.sender(),
                m.outcome(), m.schemaId(), m.payload(), m.payloadSha256(), m.payloadSize(), m.facts(), m.flags(), m.violations(),
                m.provenSender(), m.signature());
        assertThat(precise.receivedAt()).isEqualTo(Instant.parse("2026-03-02T10:41:00.123Z"));
    }

    @Test
    void nullAndEmptyTextEncodeDifferently() {
        NewEntry withNullSender = message("m-1", 100, null, "first");
        NewEntry withEmptySender = message("m-1", 100, "", "first");
        for (int version : new int[] {1, 2}) {
            assertThat(EntryEncoding.encode(version, 1, "c", 0, EntryEncoding.GENESIS_HASH, withNullSender, null))
                    .isNotEqualTo(EntryEncoding.encode(version, 1, "c", 0, EntryEncoding.GENESIS_HASH, withEmptySender, null));
        }
    }
}
