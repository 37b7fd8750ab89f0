package org.safeguarding.exchange.service.register;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.safeguarding.exchange.registry.client.InMemorySchemaRegistry;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.WireFormat;
import org.safeguarding.exchange.service.intake.internal.MessageFacts;
import org.safeguarding.exchange.service.register.internal.WriterSchemas;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A register written before entry versions (the readable JSON stored, message ids unique register-wide) migrates in
 * place: its entries keep verifying with version 1, readers are shown their messages derived from the bytes as for
 * new entries, and new entries join the same chains in version 2.
 */
class VersionOneEntriesTest {

    @Test
    void entriesWrittenBeforeVersionTwoKeepVerifyingAndNewOnesFollowThemInTheirChain() {
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("8").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        InMemorySchemaRegistry registry = new InMemorySchemaRegistry("version-one-entries");
        ShareRequest request = SampleRecords.shareRequest();
        byte[] payload = new ExchangeAvroSerializer(registry, Map.of(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false)
                .serialize("exchange.share-requests", request);
        int schemaId = WireFormat.schemaIdOrNull(payload);
        NewEntry old = new NewEntry("m-old", new SourceCoordinates("exchange.share-requests", 0, 0), Instant.parse("2026-03-02T10:41:00Z"),
                "SCH-OAKFIELD", EntryOutcome.ACCEPTED, schemaId, payload, EntryEncoding.sha256(payload), payload.length,
                MessageFacts.of(request), Set.of(RegisterFlags.LATE_ENTRY), List.of(), null, null);
        byte[] oldHash = EntryEncoding.entryHash(EntryEncoding.encode(1, 1, "exchange.share-requests/0", 0, EntryEncoding.GENESIS_HASH,
                old, null));
        // As version 1 wrote it: the readable JSON beside the bytes, the late-entry flag copied into its own column.
        jdbc.update("""
                insert into register_entry (sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome, record_type,
                    source_topic, source_partition, source_offset, sender, received_at, case_reference, sending_agency, recipient_agencies,
                    requester_name, consent_status, occurred_at, recorded_at, request_id, late_entry, flags, schema_id, payload,
                    payload_sha256, payload_size, message_json)
                values (nextval('register_entry_sequence'), 'm-old', 'exchange.share-requests/0', 0, ?, ?, 'ACCEPTED', 'ShareRequest',
                    'exchange.share-requests', 0, 0, 'SCH-OAKFIELD', timestamptz '2026-03-02 10:41:00+00', ?, ?, array['LA-HULL'],
                    ?, 'GIVEN', ?, ?, ?, true, array['LATE_ENTRY'], ?, ?, ?, ?, '{"stored": "and never read again"}')""",
                EntryEncoding.GENESIS_HASH, oldHash, request.getCaseReference(), request.getRequesterAgency(), request.getRequester().getName(),
                java.sql.Timestamp.from(request.getOccurredAt()), java.sql.Timestamp.from(request.getRecordedBy().getRecordedAt()),
                request.getRequestId(), schemaId, payload, EntryEncoding.sha256(payload), payload.length);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

        WriterSchemas schemas = new WriterSchemas(registry);
        SharingRegister register = new SharingRegister(jdbc, JsonMapper.builder().build(), schemas);
        NewEntry fresh = new NewEntry("m-old", new SourceCoordinates("exchange.share-requests", 0, 1), Instant.now(), "LA-HULL",
                EntryOutcome.ACCEPTED, schemaId, payload, EntryEncoding.sha256(payload), payload.length, MessageFacts.of(request), Set.of(),
                List.of(), "LA-HULL", null);
        assertThat(register.record(List.of(fresh))).extracting(Recorded::disposition)
                .as("the old entry's id belongs to no proven sender").containsExactly(Disposition.NEW);

        List<RegisterEntry> stored = new ArrayList<>();
        register.forEachInSequenceOrder(0, Long.MAX_VALUE, stored::add);
        assertThat(stored).extracting(RegisterEntry::entryVersion).containsExactly(1, 2);
        Chain chain = Chain.empty("exchange.share-requests/0");
        assertThat(stored).allSatisfy(entry -> assertThat(chain.verifyNext(entry)).isNull());
        assertThat(stored.get(1).schemaSha256()).isEqualTo(schemas.sha256(schemaId));

        EntryView shown = new RegisterSearch(jdbc, schemas).bySequence(stored.get(0).sequence()).orElseThrow();
        assertThat(shown.lateEntry()).isTrue();
        assertThat(shown.message()).contains("\"requestId\":\"" + request.getRequestId() + "\"").doesNotContain("never read again");
    }
}
