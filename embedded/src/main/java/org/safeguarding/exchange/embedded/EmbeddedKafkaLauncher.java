package org.safeguarding.exchange.embedded;

import java.nio.file.Path;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The embedded default's broker: when no {@code spring.kafka.bootstrap-servers} is configured, Kafka's own KRaft
 * server runs in this process with its log in {@code <exchange.embedded.data-dir>/kafka}, kept across restarts, on
 * port {@code exchange.embedded.kafka.port} (9092 unless set), and the service points at it.
 * <p>
 * Like {@link EmbeddedPostgresLauncher}, the broker starts only when something first asks for the property and no
 * other source answers, so a configured broker (including a test's {@code @DynamicPropertySource}) means nothing
 * embedded starts. It stops when the application context closes.
 */
public class EmbeddedKafkaLauncher implements EnvironmentPostProcessor {

    public static final String BOOTSTRAP_PROPERTY = "spring.kafka.bootstrap-servers";
    public static final String PORT_PROPERTY = "exchange.embedded.kafka.port";
    static final String PROPERTY_SOURCE_NAME = "embeddedKafka";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(BOOTSTRAP_PROPERTY)) {
            return;
        }
        EmbeddedProperties properties = EmbeddedProperties.of(environment);
        new EmbeddedKafkaSource(properties.dataDir().resolve("kafka"), properties.kafka().port()).addTo(environment, application);
    }

    /** Answers {@code spring.kafka.bootstrap-servers} by starting the broker on first use. */
    static final class EmbeddedKafkaSource extends StartedOnFirstUse {

        private final int port;
        private EmbeddedKafka kafka;

        EmbeddedKafkaSource(Path logDir, int port) {
            super(PROPERTY_SOURCE_NAME, BOOTSTRAP_PROPERTY, logDir);
            this.port = port;
        }

        @Override
        String start() {
            try {
                kafka = EmbeddedKafka.start(getSource(), port);
                return kafka.bootstrapServers();
            } catch (EmbeddedKafka.PortInUseException e) {
                throw new IllegalStateException("Port " + e.port() + " is already in use, so the embedded"
                        + " Kafka broker cannot start: set " + PORT_PROPERTY + " to a free port, or "
                        + BOOTSTRAP_PROPERTY + " to use a running broker", e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Cannot start the embedded Kafka broker with its log in "
                        + getSource() + " (set " + BOOTSTRAP_PROPERTY + " to use a running broker)", e);
            }
        }

        @Override
        void close() {
            kafka.close();
            kafka = null;
        }
    }
}
