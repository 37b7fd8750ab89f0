package org.safeguarding.exchange.service.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safeguarding.exchange.embedded.EmbeddedPostgresLauncher;
import org.safeguarding.exchange.service.registry.StandaloneRegistry;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded default: a real PostgreSQL in-process when no datasource is configured, kept across restarts. */
class EmbeddedPostgresLauncherTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutADatasourceUrlAnEmbeddedPostgresKeepsTheRegistryAcrossRestarts() throws Exception {
        Path dataDir = Path.of("target", "embedded-test-" + UUID.randomUUID());
        Map<String, Object> properties = Map.of("exchange.embedded.data-dir", dataDir.toString(),
                "exchange.embedded.postgres.settings.work_mem", "7MB");
        String schema = "{\"schema\":\"{\\\"type\\\":\\\"enum\\\",\\\"name\\\":\\\"Colour\\\",\\\"symbols\\\":[\\\"RED\\\"]}\"}";

        String firstAnswer;
        String firstJdbcUrl;
        try (StandaloneRegistry registry = StandaloneRegistry.start(properties)) {
            firstJdbcUrl = registry.context().getEnvironment().getProperty("spring.datasource.url");
            assertThat(firstJdbcUrl).startsWith("jdbc:postgresql://localhost:");
            assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();
            firstAnswer = post(registry.url() + "/subjects/colour-value/versions", schema);
            assertThat(firstAnswer).matches("\\{\"id\":\\d+}");
            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(registry.context().getBean(javax.sql.DataSource.class));
            assertThat(jdbc.queryForObject("show fsync", String.class)).as("durable commits").isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show work_mem", String.class)).as("a server setting from configuration").isEqualTo("7MB");
        }

        try (StandaloneRegistry restarted = StandaloneRegistry.start(properties)) {
            assertThat(get(restarted.url() + "/subjects")).isEqualTo("[\"colour-value\"]");
            assertThat(post(restarted.url() + "/subjects/colour-value/versions", schema)).isEqualTo(firstAnswer);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aServerThatCannotStartIsReportedAsSuchNotOnlyAsAMissingDatasource(CapturedOutput output) {
        Path dataDir = Path.of("target", "embedded-test-" + UUID.randomUUID());
        Map<String, Object> properties = Map.of("exchange.embedded.data-dir", dataDir.toString(),
                "exchange.embedded.postgres.settings.no_such_setting", "1");

        assertThatThrownBy(() -> StandaloneRegistry.start(properties).close());

        assertThat(output.getAll())
                .contains("Cannot start the embedded PostgreSQL in " + dataDir.resolve("postgres").toAbsolutePath())
                .contains("no_such_setting=1")
                .doesNotContain("OverlappingFileLockException");
    }

    @Test
    void withADatasourceUrlNothingEmbeddedStarts() throws Exception {
        Path dataDir = Path.of("target", "embedded-test-" + UUID.randomUUID());
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("exchange.embedded.data-dir", dataDir.toString());

        try (StandaloneRegistry registry = StandaloneRegistry.start(properties)) {
            assertThat(registry.context().getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo(database.jdbcUrl());
            assertThat(registry.context().getEnvironment().getPropertySources()
                    .contains(EmbeddedPostgresLauncher.PROPERTY_SOURCE_NAME)).isFalse();
            assertThat(get(registry.url() + "/subjects")).isEqualTo("[]");
        }
        assertThat(Files.exists(dataDir)).isFalse();
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
