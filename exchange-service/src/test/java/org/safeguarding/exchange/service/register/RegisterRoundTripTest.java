package org.safeguarding.exchange.service.register;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.service.intake.internal.MessageFacts;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.MessageBytes;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the register writes is what it reads back, column for column, for every kind of value an entry can hold:
 * non-Latin text, empty and several recipients, flags, violations, missing schema and bytes, times before 2000 and
 * with microseconds, a proven sender and a signature; and the readable message derived from the bytes, with escapes. A
 * value written wrongly would break the entry's hash or an auditor's search.
 */
@TestPropertySource(properties = "exchange.checkpoints.enabled=false")
class RegisterRoundTripTest extends ExchangeServiceTest {

    private static final String TOPIC = "test.register-round-trip";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private SharingRegister register;
    @Autowired
    private RegisterSearch search;
    @Autowired
    private SchemaRegistryClient registry;

    @Test
    void everyColumnComesBackAsItWasRecorded() {
        List<NewEntry> batch = List.of(acceptedWithEveryFact(), rejectedWithViolationsAndNoRecipients(), undecodableWithoutJson(),
                tooLargeWithoutBytesOrSchema());
        List<Recorded> recorded = register.record(batch);

        Map<String, RegisterEntry> readBack = new HashMap<>();
        long first = recorded.stream().mapToLong(r -> r.entry().sequence()).min().orElseThrow();
        long last = recorded.stream().mapToLong(r -> r.entry().sequence()).max().orElseThrow();
        register.forEachInSequenceOrder(first - 1, last, entry -> readBack.put(entry.message().messageId(), entry));
        assertThat(readBack).hasSize(batch.size());
        for (Recorded r : recorded) {
            RegisterEntry written = r.entry();
            RegisterEntry read = readBack.get(written.message().messageId());
            assertThat(read.message()).usingRecursiveComparison().isEqualTo(written.message());
            assertThat(read.entryVersion()).isEqualTo(written.entryVersion()).isEqualTo(EntryEncoding.CURRENT_VERSION);
            assertThat(read.schemaSha256()).isEqualTo(written.schemaSha256());
            assertThat(read.sequence()).isEqualTo(written.sequence());
            assertThat(read.chainId()).isEqualTo(written.chainId());
            assertThat(read.chainPosition()).isEqualTo(written.chainPosition());
            assertThat(read.previousHash()).isEqualTo(written.previousHash());
            assertThat(read.entryHash()).isEqualTo(written.entryHash())
                    .isEqualTo(EntryEncoding.entryHash(read.canonicalEncoding()));
        }
    }

    @Test
    void theReadableMessageIsDerivedFromTheBytesWithItsEscapesAndNonLatinText() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setReason("Zoë \"Ó'Brien\"\t李雷 🙂\n");
        byte[] payload = new MessageBytes(registry).encode(request);
        NewEntry entry = entry(EntryOutcome.ACCEPTED, MessageBytes.schemaId(payload), payload, MessageFacts.of(request), Set.of(), List.of());
        long sequence = register.record(List.of(entry)).get(0).entry().sequence();

        EntryView view = search.bySequence(sequence).orElseThrow();
        assertThat(JSON.readTree(view.message()).get("reason").asString()).isEqualTo("Zoë \"Ó'Brien\"\t李雷 🙂\n");
        assertThat(JSON.readTree(view.message()).get("occurredAt").asString()).isEqualTo(SampleRecords.OCCURRED_AT.toString());
        assertThat(view.violations()).isEqualTo("[]");
        assertThat(jdbc().queryForObject("select violations::text from register_entry where message_id = ?", String.class,
                entry.messageId())).isEqualTo("[]");
        assertThat(jdbc().queryForObject("select count(*) from information_schema.columns where table_name = 'register_entry'"
                + " and column_name = 'message_json'", Integer.class)).as("no stored copy of the message to drift from its bytes").isZero();
    }

    @Test
    void theSearchColumnsHoldTheirSqlTypes() {
        NewEntry entry = acceptedWithEveryFact();
        register.record(List.of(entry));
        Map<String, Object> row = jdbc().queryForMap("""
                select cardinality(recipient_agencies) as recipients, recipient_agencies[2] as second_recipient,
                       array_to_string(flags, ',') as flags, 'LATE_ENTRY' = any(flags) as late_entry,
                       extract(epoch from occurred_at) * 1000000 as occurred_micros,
                       recorded_at = timestamptz '2026-03-04 05:06:07.123456+00' as recorded_exactly, payload_size, schema_id,
                       entry_version, array_to_string(person_references, '|') as people, proven_sender, signature_key_id,
                       signature_signed_at = timestamptz '2026-03-04 05:06:08.999+00' as signed_exactly, length(signature) as signature_bytes
                from register_entry where message_id = ?""", entry.messageId());
        assertThat(row).containsEntry("recipients", 2).containsEntry("second_recipient", "NHS-HUMBER")
                .containsEntry("flags", "LATE_ENTRY").containsEntry("late_entry", true).containsEntry("recorded_exactly", true)
                .containsEntry("payload_size", 5).containsEntry("schema_id", 42)
                .containsEntry("entry_version", 2).containsEntry("people", "PERSON-ZOË|PERSON-李")
                .containsEntry("proven_sender", "SCH-OAKFIELD").containsEntry("signature_key_id", "SCH-OAKFIELD-2026-1")
                .containsEntry("signed_exactly", true).containsEntry("signature_bytes", 64);
        assertThat(((Number) row.get("occurred_micros")).longValue()).isEqualTo(-1_000L); // 1969-12-31T23:59:59.999Z
    }

    private static NewEntry acceptedWithEveryFact() {
        byte[] payload = {0, 0, 0, 0, 42};
        EntryFacts facts = new EntryFacts("ShareRequest", "CASE-ZOË-李", "SCH-OAKFIELD", List.of("LA-HULL", "NHS-HUMBER"),
                "Zoë Ó'Brien", "SHARE_IN_PART", "GIVEN", Instant.parse("1969-12-31T23:59:59.999Z"),
                Instant.parse("2026-03-04T05:06:07.123456Z"), UUID.randomUUID().toString(), "REQ-" + UUID.randomUUID(),
                List.of("PERSON-ZOË", "PERSON-李"));
        NewEntry entry = entry(EntryOutcome.ACCEPTED, 42, payload, facts, Set.of(RegisterFlags.LATE_ENTRY), List.of());
        return new NewEntry(entry.messageId(), entry.source(), entry.receivedAt(), entry.sender(), entry.outcome(), entry.schemaId(),
                entry.payload(), entry.payloadSha256(), entry.payloadSize(), entry.facts(), entry.flags(), entry.violations(),
                "SCH-OAKFIELD", new EntrySignature("SCH-OAKFIELD-2026-1", Instant.parse("2026-03-04T05:06:08.999Z"), new byte[64]));
    }

    private static NewEntry rejectedWithViolationsAndNoRecipients() {
        EntryFacts facts = new EntryFacts("ShareDecision", "CASE-1", "LA-HULL", List.of(), null, null, null, null, null, null, null,
                List.of());
        return entry(EntryOutcome.REJECTED, 7, new byte[] {1, 2, 3}, facts, Set.of(),
                List.of(new EntryViolation("reasons", "hull/3.2", "Give the reasons — «all» of them."),
                        new EntryViolation("sendingAgency", "contract/known-agency", "Unknown agency: XX")));
    }

    private static NewEntry undecodableWithoutJson() {
        return entry(EntryOutcome.UNDECODABLE, 99_999, new byte[] {(byte) 0xde, (byte) 0xad}, EntryFacts.NONE, Set.of(),
                List.of(new EntryViolation("message", "contract/wire-format", "Unknown schema id 99999")));
    }

    private static NewEntry tooLargeWithoutBytesOrSchema() {
        return entry(EntryOutcome.REJECTED, null, null, EntryFacts.NONE, Set.of(),
                List.of(new EntryViolation("message", "contract/message-size", "Too large")));
    }

    private static NewEntry entry(EntryOutcome outcome, Integer schemaId, byte[] payload, EntryFacts facts,
            Set<String> flags, List<EntryViolation> violations) {
        long offset = System.nanoTime() & 0xffffff;
        byte[] sha256 = EntryEncoding.sha256(payload == null ? new byte[] {9} : payload);
        return new NewEntry(UUID.randomUUID().toString(), new SourceCoordinates(TOPIC, 0, offset), Instant.now(), "SCH-OAKFIELD",
                outcome, schemaId, payload, sha256, payload == null ? 300_000 : payload.length, facts, flags, violations, null, null);
    }
}
