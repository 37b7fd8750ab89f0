package org.safeguarding.exchange.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.safeguarding.exchange.registry.client.InMemorySchemaRegistry;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.WireFormat;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.EntryView;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.register.internal.WriterSchemas;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An auditor's search by case reference over a register of 5,000,000 entries (500,000 cases of about ten entries),
 * through the service's own {@link RegisterSearch} and its indexes, on a real PostgreSQL (embedded). Sample time
 * mode, so JMH reports the percentiles; the target is p95 of at most 20 ms.
 *
 * <p>The rows are generated in SQL ({@code generate_series}); they are not hash-valid, which a search does not need.
 * The database is kept in {@code target/search-benchmark-db} and loaded once; later runs reuse it.
 * {@code java -jar benchmarks/target/benchmarks.jar RegisterSearchBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class RegisterSearchBenchmark {

    static final int ENTRIES = 5_000_000;
    static final int CASES = 500_000;
    private static final List<String> AGENCIES = List.of("LA-HULL", "SCH-OAKFIELD", "POL-HUMBERSIDE", "NHS-HUMBER", "SCH-NEWLAND");

    private EmbeddedPostgres postgres;
    /** Every entry holds the same message, read back from its bytes with each search as the service does. */
    private static final InMemorySchemaRegistry REGISTRY = InMemorySchemaRegistry.forScope("register-search-benchmark");
    private static final WriterSchemas SCHEMAS = new WriterSchemas(REGISTRY);
    private static final byte[] MESSAGE = new ExchangeAvroSerializer(REGISTRY, Map.of(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true),
            false).serialize("exchange.share-requests", SampleRecords.shareRequest());
    private static final int SCHEMA_ID = WireFormat.schemaIdOrNull(MESSAGE);

    private HikariDataSource pool;
    private RegisterSearch search;
    private final SplittableRandom random = new SplittableRandom(2026);

    @Setup(Level.Trial)
    public void loadRegister() throws IOException {
        Path dataDir = Path.of(System.getProperty("benchmark.db", "target/search-benchmark-db"));
        Files.createDirectories(dataDir);
        postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        // A connection pool, as the service has: a new PostgreSQL connection per search would cost more than the search.
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(2);
        this.pool = pool;
        DataSource dataSource = pool;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long present = jdbc.queryForObject("select count(*) from register_entry", Long.class);
        if (present < ENTRIES) {
            System.out.println("Loading " + (ENTRIES - present) + " register entries (once; kept in " + dataDir + ")...");
            long start = System.nanoTime();
            jdbc.update("""
                    insert into register_entry (sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome,
                        record_type, source_topic, source_partition, source_offset, sender, received_at, case_reference, sending_agency,
                        recipient_agencies, requester_name, decision, consent_status, occurred_at, recorded_at, request_id,
                        payload_sha256, payload_size, schema_id, payload, schema_sha256, entry_version)
                    select nextval('register_entry_sequence'), 'bench-' || g, 'bench/' || (g % 8), g, decode(repeat('00', 32), 'hex'),
                        sha256(g::text::bytea), 'ACCEPTED', (array['ShareRequest', 'ConsentOutcome', 'ShareDecision', 'HazardNotification'])[1 + g % 4],
                        'bench', (g % 8)::int, g, (array['LA-HULL', 'SCH-OAKFIELD', 'POL-HUMBERSIDE', 'NHS-HUMBER', 'SCH-NEWLAND'])[1 + g % 5],
                        timestamptz '2026-01-01' + g * interval '3 seconds',
                        'CASE-' || lpad(((hashtext(g::text) & 2147483647) % ?)::text, 7, '0'),
                        (array['LA-HULL', 'SCH-OAKFIELD', 'POL-HUMBERSIDE', 'NHS-HUMBER', 'SCH-NEWLAND'])[1 + g % 5],
                        array[(array['LA-HULL', 'SCH-OAKFIELD', 'POL-HUMBERSIDE', 'NHS-HUMBER', 'SCH-NEWLAND'])[1 + (g + 1) % 5]],
                        'Practitioner ' || (g % 20000), case when g % 4 = 2 then 'SHARE' end, 'GIVEN',
                        timestamptz '2026-01-01' + g * interval '3 seconds', timestamptz '2026-01-01' + g * interval '3 seconds',
                        'REQ-' || (g / 3), sha256(g::text::bytea), ?, ?, ?, ?, 2
                    from generate_series(?, ?) g""", CASES, MESSAGE.length, SCHEMA_ID, MESSAGE, SCHEMAS.sha256(SCHEMA_ID), present + 1,
                    ENTRIES);
            jdbc.execute("analyze register_entry");
            System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        search = new RegisterSearch(jdbc, SCHEMAS);
        System.out.println("Plan: " + String.join(" | ", jdbc.queryForList(
                "explain select sequence from register_entry where case_reference = 'CASE-0000042' order by sequence desc limit 50",
                String.class)));
    }

    private String randomCase() {
        return "CASE-" + String.format("%07d", random.nextInt(CASES));
    }

    /** An auditor's first page of one case, newest first. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<EntryView> searchByCaseReference() {
        return search.find(new EntryQuery(randomCase(), null, null, null, null, null, 50));
    }

    /** The same search by an agency, which sees only the entries it sent or received. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<EntryView> searchByCaseReferenceAsAnAgency() {
        return search.find(new EntryQuery(randomCase(), null, null, null, null, null, 50).visibleTo(AGENCIES.get(random.nextInt(AGENCIES.size()))));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        pool.close();
        postgres.close();
    }
}
