package org.safeguarding.exchange.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The infrastructure every test of this module shares, started once per JVM: one PostgreSQL server,
 * in a Testcontainers container where a Docker engine exists, else a zonky embedded PostgreSQL with
 * its files under target/. Each test class takes a fresh database of its own on that server
 * ({@link #freshDatabase()}), so tests never see each other's data.
 * <pre>
 * static final TestInfrastructure.Database DB = TestInfrastructure.freshDatabase();
 * &#64;DynamicPropertySource static void db(DynamicPropertyRegistry r) { DB.registerIn(r); }
 * </pre>
 * or {@code @ContextConfiguration(initializers = TestInfrastructure.FreshDatabase.class)}, or
 * {@code StandaloneRegistry.start(TestInfrastructure.freshDatabase().springProperties())}.
 */
public final class TestInfrastructure {

    /** A PostgreSQL server reachable over TCP, with a login that may create databases. */
    public interface PostgresServer {
        /** The JDBC URL of the named database on this server. */
        String jdbcUrl(String database);

        String username();

        String password();
    }

    /** One database: what a Spring datasource needs. */
    public record Database(String name, String jdbcUrl, String username, String password) {

        public Map<String, Object> springProperties() {
            return Map.of("spring.datasource.url", jdbcUrl,
                    "spring.datasource.username", username,
                    "spring.datasource.password", password);
        }

        public void registerIn(DynamicPropertyRegistry registry) {
            springProperties().forEach((key, value) -> registry.add(key, () -> value));
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }
    }

    /**
     * Points the application context at a fresh database of its own. Spring's test context cache
     * shares a context (and so its database) between test classes with the same configuration.
     */
    public static final class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Database database = freshDatabase();
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("testDatabase", database.springProperties()));
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer postgres;

    private TestInfrastructure() {
    }

    /** The JVM-wide PostgreSQL server, started on first use. */
    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = DockerClientFactory.instance().isDockerAvailable() ? containerPostgres() : embeddedPostgres();
        }
        return postgres;
    }

    /** A new, empty database on the shared server. */
    public static Database freshDatabase() {
        PostgresServer server = postgres();
        String name = "test_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
                server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new Database(name, server.jdbcUrl(name), server.username(), server.password());
    }

    private static PostgresServer containerPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
        String username = container.getUsername();
        String password = container.getPassword();
        String host = container.getHost();
        int port = container.getMappedPort(5432);
        return new PostgresServer() {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + host + ":" + port + "/" + database;
            }

            @Override
            public String username() {
                return username;
            }

            @Override
            public String password() {
                return password;
            }
        };
    }

    private static PostgresServer embeddedPostgres() {
        try {
            // java.io.tmpdir is target/tmp under Surefire. The server stops, and its files go, in its own
            // shutdown hook when the JVM ends.
            Path dataDir = Files.createTempDirectory("test-postgres");
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .start();
            return new PostgresServer() {
                @Override
                public String jdbcUrl(String database) {
                    return server.getJdbcUrl("postgres", database);
                }

                @Override
                public String username() {
                    return "postgres";
                }

                @Override
                public String password() {
                    return "postgres";
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded test PostgreSQL", e);
        }
    }
}
