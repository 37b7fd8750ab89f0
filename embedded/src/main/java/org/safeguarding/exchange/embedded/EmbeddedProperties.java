package org.safeguarding.exchange.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

/**
 * The embedded default's infrastructure, used only when no broker ({@code spring.kafka.bootstrap-servers}) or no
 * database ({@code spring.datasource.url}) is configured. Bound before the application context exists, by the
 * launchers themselves.
 *
 * @param dataDir  where the embedded broker ({@code kafka/}) and PostgreSQL ({@code postgres/}) keep their files
 *                 across restarts, beside the generated credentials and checkpoint key
 * @param kafka    the embedded broker
 * @param postgres the embedded PostgreSQL
 */
@ConfigurationProperties("exchange.embedded")
public record EmbeddedProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Kafka kafka, @DefaultValue Postgres postgres) {

    /** @param port the broker's client port, the same at every start; a port in use stops the start with an error */
    public record Kafka(@DefaultValue("9092") int port) {
    }

    /**
     * @param enabled  false: never start the embedded PostgreSQL (a datasource must then be configured)
     * @param port     the server's port; 0 for any free one (the JDBC URL is in the ready banner)
     * @param settings any other server setting, e.g. {@code shared_preload_libraries=pg_stat_statements}
     */
    public record Postgres(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port, Map<String, String> settings) {

        public Postgres {
            settings = settings == null ? Map.of() : Map.copyOf(settings);
        }
    }

    static EmbeddedProperties of(Environment environment) {
        return Binder.get(environment).bindOrCreate("exchange.embedded", EmbeddedProperties.class);
    }
}
