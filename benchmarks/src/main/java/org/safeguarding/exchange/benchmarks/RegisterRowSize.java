package org.safeguarding.exchange.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.testing.MixedTraffic.Message;
import org.safeguarding.exchange.registry.client.InMemorySchemaRegistry;
import org.safeguarding.exchange.service.intake.internal.MessageFacts;
import org.safeguarding.exchange.service.register.Chain;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.SourceCoordinates;
import org.safeguarding.exchange.service.register.internal.BigEndianBuffer;
import org.safeguarding.exchange.service.register.internal.EntryRows;
import org.safeguarding.exchange.service.register.internal.WriterSchemas;
import org.safeguarding.exchange.testing.MixedTraffic;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a register row takes on disk, before and after the readable JSON was derived when read instead of stored, on the
 * same entries: the load drivers' mixed, valid traffic, written through the register's own binary COPY rows into a
 * database migrated to the current register, then the same entries with their readable JSON into one migrated only as
 * far as the register stored it (Flyway V8). Prints the average row (pg_column_size), and the heap, TOAST, indexes and
 * total relation size per entry, of each. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.safeguarding.exchange.benchmarks.RegisterRowSize [entries]}.
 */
public final class RegisterRowSize {

    private RegisterRowSize() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path dataDir = Files.createTempDirectory("register-row-size");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start()) {
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            admin.execute("create database stored_json");
            admin.execute("create database derived_json");
            DataSource before = postgres.getDatabase("postgres", "stored_json");
            DataSource after = postgres.getDatabase("postgres", "derived_json");
            Flyway.configure().dataSource(before).locations("classpath:db/migration").target("8").load().migrate();
            Flyway.configure().dataSource(after).locations("classpath:db/migration").load().migrate();

            InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope("register-row-size");
            WriterSchemas schemas = new WriterSchemas(registry);
            List<Message> messages;
            List<SpecificRecord> records = new ArrayList<>();
            try (AgencyClient encoder = new AgencyClient("LA-HULL", Map.of("bootstrap.servers", "localhost:1",
                    "schema.registry.url", InMemorySchemaRegistry.MOCK_URL_PREFIX + "register-row-size"))) {
                messages = MixedTraffic.prepare(encoder, count, Math.max(1, count / 4), 2026, Map.of());
                for (Message m : messages) {
                    records.add((SpecificRecord) encoder.decode(m.topic(), m.value()));
                }
            }
            JdbcTemplate derived = new JdbcTemplate(after);
            write(derived, entries(messages, records, schemas));
            JdbcTemplate stored = new JdbcTemplate(before);
            copyWithStoredJson(derived, stored, new RegisterSearch(derived, schemas));
            for (JdbcTemplate jdbc : List.of(stored, derived)) {
                jdbc.execute("vacuum analyze register_entry");
            }
            print("JSON stored (before)", stored);
            print("JSON derived when read (after)", derived);
        }
    }

    /** The register entries of the messages as intake makes them: decoded facts, a proven sender, the schema hash. */
    private static List<RegisterEntry> entries(List<Message> messages, List<SpecificRecord> records, WriterSchemas schemas) {
        Map<String, Chain> chains = new HashMap<>();
        List<RegisterEntry> entries = new ArrayList<>();
        Instant receivedAt = Instant.now();
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            int partition = i % 4;
            byte[] bytes = m.value();
            Integer schemaId = org.safeguarding.exchange.serde.WireFormat.schemaIdOrNull(bytes);
            NewEntry entry = new NewEntry(UUID.randomUUID().toString(), new SourceCoordinates(m.topic(), partition, i), receivedAt,
                    m.sender(), EntryOutcome.ACCEPTED, schemaId, bytes, EntryEncoding.sha256(bytes), bytes.length,
                    MessageFacts.of(records.get(i)).withRecipients(m.recipients()), Set.of(), List.of(), m.sender(), null);
            Chain chain = chains.computeIfAbsent(m.topic() + "/" + partition, Chain::empty);
            entries.add(chain.append(i + 1, entry, schemas.sha256(schemaId)));
        }
        return entries;
    }

    /** Written as the register writes them: binary COPY rows, a poll's worth at a time. */
    private static void write(JdbcTemplate jdbc, List<RegisterEntry> entries) {
        EntryRows rows = new EntryRows(JsonMapper.builder().build());
        for (int from = 0; from < entries.size(); from += 500) {
            BigEndianBuffer data = rows.copyData(entries.subList(from, Math.min(entries.size(), from + 500)));
            jdbc.execute((ConnectionCallback<Long>) con -> {
                CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(EntryRows.COPY);
                copy.writeToCopy(data.array(), 0, data.length());
                return copy.endCopy();
            });
        }
        jdbc.execute("select setval('register_entry_sequence', (select max(sequence) from register_entry))");
    }

    /** The same entries as the register stored them before: each with its readable JSON, and the late-entry copy. */
    private static void copyWithStoredJson(JdbcTemplate from, JdbcTemplate to, RegisterSearch search) {
        List<Map<String, Object>> rows = from.queryForList("""
                select sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome, record_type, source_topic,
                       source_partition, source_offset, sender, received_at, case_reference, sending_agency, recipient_agencies::text,
                       requester_name, decision, consent_status, occurred_at, recorded_at, corrects_message_id, request_id,
                       'LATE_ENTRY' = any(flags) as late_entry, flags::text, violations::text, schema_id, payload, payload_sha256,
                       payload_size
                from register_entry order by sequence""");
        Map<Long, String> json = new HashMap<>();
        search.forEach(new EntryQuery(null, null, null, null, null, null, 1), e -> json.put(e.sequence(), e.message()));
        List<Object[]> values = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> v = new ArrayList<>(row.values());
            v.add(json.get((Long) row.get("sequence")));
            values.add(v.toArray());
        }
        to.batchUpdate("""
                insert into register_entry (sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome,
                    record_type, source_topic, source_partition, source_offset, sender, received_at, case_reference, sending_agency,
                    recipient_agencies, requester_name, decision, consent_status, occurred_at, recorded_at, corrects_message_id,
                    request_id, late_entry, flags, violations, schema_id, payload, payload_sha256, payload_size, message_json)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?, ?, ?, ?,
                    ?::jsonb)""", values);
    }

    private static void print(String what, JdbcTemplate jdbc) {
        jdbc.query("""
                select count(*), avg(pg_column_size(e.*)), avg(pg_column_size(payload)), pg_relation_size('register_entry'),
                       pg_table_size('register_entry') - pg_relation_size('register_entry'), pg_indexes_size('register_entry'),
                       pg_total_relation_size('register_entry')
                from register_entry e""", rs -> {
            long n = rs.getLong(1);
            System.out.printf("%-32s %,d entries: row %,.0f B (payload %,.0f B); per entry heap %,d B, TOAST %,d B, indexes %,d B,"
                            + " total %,d B%n", what, n, rs.getDouble(2), rs.getDouble(3), rs.getLong(4) / n, rs.getLong(5) / n,
                    rs.getLong(6) / n, rs.getLong(7) / n);
        });
    }
}
