package org.safeguarding.exchange.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
 * <p>
 * The broker takes SASL only. Once it runs, the service's SCRAM user ({@value BrokerCredentials#SERVICE_USER}) is
 * created, and this launcher answers the service's client settings ({@code spring.kafka.security.protocol},
 * {@code spring.kafka.properties.sasl.mechanism} and {@code .sasl.jaas.config}) and the broker administrator's
 * ({@code exchange.access.admin.*}, which the service's access module uses to create the agencies' users and ACLs).
 * The passwords are kept in {@code <exchange.embedded.data-dir>/}{@value BrokerCredentials#FILE_NAME}.
 */
public class EmbeddedKafkaLauncher implements EnvironmentPostProcessor {

    public static final String BOOTSTRAP_PROPERTY = "spring.kafka.bootstrap-servers";
    public static final String PORT_PROPERTY = "exchange.embedded.kafka.port";
    public static final String SECURITY_PROTOCOL_PROPERTY = "spring.kafka.security.protocol";
    public static final String SASL_MECHANISM_PROPERTY = "spring.kafka.properties.sasl.mechanism";
    public static final String SASL_JAAS_CONFIG_PROPERTY = "spring.kafka.properties.sasl.jaas.config";
    static final String PROPERTY_SOURCE_NAME = "embeddedKafka";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(BOOTSTRAP_PROPERTY)) {
            return;
        }
        EmbeddedProperties properties = EmbeddedProperties.of(environment);
        new EmbeddedKafkaSource(properties.dataDir(), properties.kafka().port()).addTo(environment, application);
    }

    /** Answers {@code spring.kafka.bootstrap-servers} by starting the broker on first use, and how to sign in to it. */
    static final class EmbeddedKafkaSource extends StartedOnFirstUse {

        private static final String ADMIN_PREFIX = "exchange.access.admin.";
        private static final Set<String> SETTINGS = Set.of(SECURITY_PROTOCOL_PROPERTY, SASL_MECHANISM_PROPERTY,
                SASL_JAAS_CONFIG_PROPERTY, ADMIN_PREFIX + "security.protocol", ADMIN_PREFIX + "sasl.mechanism",
                ADMIN_PREFIX + "sasl.jaas.config");

        private final Path dataDir;
        private final int port;
        private Map<String, String> settings;
        private BrokerCredentials credentials;
        private EmbeddedKafka kafka;

        EmbeddedKafkaSource(Path dataDir, int port) {
            super(PROPERTY_SOURCE_NAME, BOOTSTRAP_PROPERTY, dataDir.resolve("kafka"));
            this.dataDir = dataDir;
            this.port = port;
        }

        @Override
        Set<String> settingNames() {
            return SETTINGS;
        }

        @Override
        synchronized String setting(String name) {
            if (settings == null) {
                BrokerCredentials broker = credentials();
                settings = new LinkedHashMap<>();
                broker.serviceClientSettings().forEach((key, value) -> settings.put(
                        key.equals("security.protocol") ? SECURITY_PROTOCOL_PROPERTY : "spring.kafka.properties." + key, value));
                broker.adminClientSettings().forEach((key, value) -> settings.put(ADMIN_PREFIX + key, value));
            }
            return settings.get(name);
        }

        /** Read (or generated) once, when first needed: a broker configured elsewhere leaves no file behind. */
        private synchronized BrokerCredentials credentials() {
            if (credentials == null) {
                credentials = BrokerCredentials.in(dataDir);
            }
            return credentials;
        }

        @Override
        String start() {
            try {
                kafka = EmbeddedKafka.start(getSource(), port, credentials());
                // Set again at every start: the file is the truth, and a new file means a new password.
                kafka.addScramUser(BrokerCredentials.SERVICE_USER, credentials().servicePassword());
                return kafka.bootstrapServers();
            } catch (EmbeddedKafka.PortInUseException e) {
                throw new IllegalStateException("Port " + e.port() + " is already in use, so the embedded"
                        + " Kafka broker cannot start: set " + PORT_PROPERTY + " to a free port, or "
                        + BOOTSTRAP_PROPERTY + " to use a running broker", e);
            } catch (RuntimeException e) {
                if (kafka != null) {
                    kafka.close();
                    kafka = null;
                }
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
