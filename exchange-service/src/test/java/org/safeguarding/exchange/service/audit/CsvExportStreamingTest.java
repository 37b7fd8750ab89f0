package org.safeguarding.exchange.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.MessageBytes;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The CSV export streams: its first rows reach the client while the database cursor is still open, so the rows are
 * never all in the service's memory at once, and all 200,000 arrive.
 */
class CsvExportStreamingTest extends ExchangeServiceTest {

    private static final int ROWS = 200_000;

    @Autowired
    private SchemaRegistryClient registry;

    @BeforeAll
    void bulkLoad() {
        ShareRequest request = SampleRecords.shareRequest();
        request.setReason("Concerns, \"quoted\", about attendance");
        byte[] payload = new MessageBytes(registry).encode(request);
        // Not hash-valid (this test is about streaming, not chains): one SQL statement instead of 200,000 messages. Every
        // row holds the same message, which the export reads back from its bytes.
        jdbc().update("""
                insert into register_entry (sequence, message_id, chain_id, chain_position, previous_hash, entry_hash, outcome,
                    record_type, source_topic, source_partition, source_offset, sender, received_at, case_reference, sending_agency,
                    recipient_agencies, requester_name, consent_status, occurred_at, recorded_at, request_id,
                    schema_id, payload, payload_sha256, payload_size, entry_version)
                select nextval('register_entry_sequence'), 'bulk-' || g, 'bulk/0', g, decode(repeat('00', 32), 'hex'),
                    sha256(g::text::bytea), 'ACCEPTED', 'ShareRequest', 'bulk', 0, g, 'SCH-OAKFIELD', now() - g * interval '1 second',
                    'CASE-BULK-' || (g % 5000), 'SCH-OAKFIELD', array['LA-HULL'], 'Requester ' || g, 'GIVEN', now(), now(),
                    'REQ-BULK-' || g, ?, ?, sha256(?), ?, 1
                from generate_series(1, ?) g""", MessageBytes.schemaId(payload), payload, payload, payload.length, ROWS);
    }

    @Test
    void rowsReachTheClientWhileTheQueryIsStillRunningAndAllArrive() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(httpUrl() + "/api/audit/export/entries.csv")).timeout(Duration.ofMinutes(5))
                .header("Authorization", TestUsers.basicAuthorization(TestUsers.AUDITOR)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));

        long lines = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("sequence,");
            for (int i = 0; i < 100; i++) {
                // the message column: JSON with commas and quotes, so quoted, its quotes doubled
                assertThat(reader.readLine()).contains(",\"{\"\"requestId\"\":")
                        .contains("\"\"reason\"\":\"\"Concerns, \\\"\"quoted\\\"\", about attendance\"\"");
            }
            // The client has read 100 rows and stops reading; a service that built the whole answer first would have
            // finished its query by now. This one is still holding its cursor open, waiting for the client.
            Long openExports = jdbc().queryForObject("""
                    select count(*) from pg_stat_activity where datname = current_database()
                    and query like '/* register-export */%' and state in ('active', 'idle in transaction')""", Long.class);
            assertThat(openExports).isEqualTo(1);
            lines = 101;
            while (reader.readLine() != null) {
                lines++;
            }
        }
        assertThat(lines).isEqualTo(ROWS + 1);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Long logged = null;
        while (System.nanoTime() < deadline && logged == null) {
            logged = jdbc().query("select row_count from access_log where action = 'export' and principal = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, TestUsers.AUDITOR);
            Thread.sleep(100);
        }
        assertThat(logged).as("the export is in the access log with its row count").isEqualTo((long) ROWS);
    }
}
