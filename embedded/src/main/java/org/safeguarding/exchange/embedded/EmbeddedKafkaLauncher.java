package org.safeguarding.exchange.embedded;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

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
        EmbeddedKafkaSource source = new EmbeddedKafkaSource(properties.dataDir().resolve("kafka"), properties.kafka().port());
        environment.getPropertySources().addLast(source);
        // Destroyed after the beans created later (Kafka clients, listener containers), so they close first.
        application.addInitializers(context -> {
            if (context instanceof GenericApplicationContext generic) {
                generic.registerBean("embeddedKafkaStopper", DisposableBean.class, () -> source::stop);
            }
        });
    }

    /** Answers {@code spring.kafka.bootstrap-servers} by starting the broker on first use. */
    static final class EmbeddedKafkaSource extends PropertySource<Path> {

        private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaLauncher.class);

        private final int port;
        private EmbeddedKafka kafka;
        private boolean stopped;
        /** Why the broker did not start: asked again, the source says so again instead of trying a second time. */
        private IllegalStateException startFailure;

        EmbeddedKafkaSource(Path logDir, int port) {
            super(PROPERTY_SOURCE_NAME, logDir.toAbsolutePath().normalize());
            this.port = port;
        }

        @Override
        public Object getProperty(String name) {
            if (BOOTSTRAP_PROPERTY.equals(name)) {
                return bootstrapServers();
            }
            if (EmbeddedPostgresLauncher.STARTED_PROPERTY.equals(name)) {
                return started() ? "true" : null;
            }
            return null;
        }

        private synchronized boolean started() {
            return kafka != null;
        }

        synchronized String bootstrapServers() {
            if (stopped) {
                return null; // the application is closing; do not start it again
            }
            if (startFailure != null) {
                throw startFailure;
            }
            if (kafka == null) {
                try {
                    kafka = EmbeddedKafka.start(getSource(), port);
                } catch (EmbeddedKafka.PortInUseException e) {
                    startFailure = new IllegalStateException("Port " + e.port() + " is already in use, so the embedded"
                            + " Kafka broker cannot start: set " + PORT_PROPERTY + " to a free port, or "
                            + BOOTSTRAP_PROPERTY + " to use a running broker", e);
                } catch (RuntimeException e) {
                    startFailure = new IllegalStateException("Cannot start the embedded Kafka broker with its log in "
                            + getSource() + " (set " + BOOTSTRAP_PROPERTY + " to use a running broker)", e);
                }
                if (startFailure != null) {
                    // Spring goes on to report a property it could not bind: so the cause is said here as well.
                    log.error(startFailure.getMessage());
                    throw startFailure;
                }
            }
            return kafka.bootstrapServers();
        }

        synchronized void stop() {
            stopped = true;
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
        }
    }
}
