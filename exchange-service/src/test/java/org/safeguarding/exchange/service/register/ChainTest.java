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
                sender, EntryOutcome.ACCEPTED, 7, bytes, EntryEncoding.sha256(bytes), bytes.length, "{}",
                new EntryFacts("ShareRequest", "CASE-1", sender, List.of("LA-HULL"), "Priya Shah", null, "GIVEN",
                        Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T10:40:00Z"), null, "REQ-1"),
                Set.of(), List.of());
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
        // A known answer: changing the canonical encoding breaks every stored hash, so it must be a new version.
        RegisterEntry first = threeEntries().get(0);
        assertThat(HexFormat.of().formatHex(first.entryHash()))
                .isEqualTo(HexFormat.of().formatHex(EntryEncoding.entryHash(EntryEncoding.encode(10, "exchange.share-requests/2", 0,
                        EntryEncoding.GENESIS_HASH, message("m-1", 100, "SCH-OAKFIELD", "first")))))
                .isEqualTo(KNOWN_FIRST_HASH);
    }

    /** Computed outside Java, by a short script written from EntryEncoding's documentation alone. */
    static final String KNOWN_FIRST_HASH = "d33c6a895599bdc36e4855d051c4dc705aff9ef29810368f6b77c99ff32feb41";

    @Test
    void aChangedFieldIsFoundAtItsEntry() {
        List<RegisterEntry> entries = threeEntries();
        RegisterEntry original = entries.get(1);
        entries.set(1, new RegisterEntry(original.sequence(), original.chainId(), original.chainPosition(), original.previousHash(),
                original.entryHash(), message("m-2", 101, "POL-HUMBERSIDE", "second")));
        assertThat(verify(entries)).isEqualTo("entry 11: its contents do not match its hash");
    }

    @Test
    void changedMessageBytesAreFound() {
        List<RegisterEntry> entries = threeEntries();
        RegisterEntry original = entries.get(2);
        NewEntry m = original.message();
        NewEntry tampered = new NewEntry(m.messageId(), m.source(), m.receivedAt(), m.sender(), m.outcome(), m.schemaId(),
                "thirD".getBytes(StandardCharsets.UTF_8), m.payloadSha256(), m.payloadSize(), m.payloadJson(), m.facts(), m.flags(),
                m.violations());
        entries.set(2, new RegisterEntry(original.sequence(), original.chainId(), original.chainPosition(), original.previousHash(),
                original.entryHash(), tampered));
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
        entries.set(0, new RegisterEntry(b.sequence(), b.chainId(), 0, b.previousHash(), b.entryHash(), b.message()));
        entries.set(1, new RegisterEntry(a.sequence(), a.chainId(), 1, a.previousHash(), a.entryHash(), a.message()));
        assertThat(verify(entries)).contains("position 0 does not link");
    }

    @Test
    void theReceivingTimeIsKeptInMillisecondsSoTheDatabaseCannotRoundItAwayFromItsHash() {
        NewEntry m = message("m-9", 9, "SCH-OAKFIELD", "x");
        NewEntry precise = new NewEntry(m.messageId(), m.source(), Instant.parse("2026-03-02T10:41:00.123999999Z"), m.sender(),
                m.outcome(), m.schemaId(), m.payload(), m.payloadSha256(), m.payloadSize(), m.payloadJson(), m.facts(), m.flags(),
                m.violations());
        assertThat(precise.receivedAt()).isEqualTo(Instant.parse("2026-03-02T10:41:00.123Z"));
    }

    @Test
    void nullAndEmptyTextEncodeDifferently() {
        NewEntry withNullSender = message("m-1", 100, null, "first");
        NewEntry withEmptySender = message("m-1", 100, "", "first");
        assertThat(EntryEncoding.encode(1, "c", 0, EntryEncoding.GENESIS_HASH, withNullSender))
                .isNotEqualTo(EntryEncoding.encode(1, "c", 0, EntryEncoding.GENESIS_HASH, withEmptySender));
    }
}
