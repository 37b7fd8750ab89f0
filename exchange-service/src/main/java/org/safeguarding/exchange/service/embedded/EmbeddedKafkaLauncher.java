package org.safeguarding.exchange.service.embedded;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded default's broker: when no {@code spring.kafka.bootstrap-servers} is configured, a single KRaft
 * broker runs in this process and the service points at it. Like {@link EmbeddedPostgresLauncher}, the broker
 * starts only when something first asks for the property and no other source answers, so a configured broker
 * (including a test's {@code @DynamicPropertySource}) means nothing embedded starts.
 */
public class EmbeddedKafkaLauncher implements EnvironmentPostProcessor {

    static final String BOOTSTRAP = "spring.kafka.bootstrap-servers";
    private static EmbeddedKafkaKraftBroker broker;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(BOOTSTRAP)) {
            return;
        }
        environment.getPropertySources().addLast(new PropertySource<>("embeddedKafka") {
            @Override
            public Object getProperty(String name) {
                return BOOTSTRAP.equals(name) ? start() : null;
            }
        });
    }

    /**
     * Starts the process's one in-process broker on a free port (printed at start-up, and served at
     * /api/exchange/connection), or returns the one already running, however many application contexts or tests ask
     * for it. It stops when the JVM exits. (Spring Kafka's KRaft test broker does not honour a fixed port.)
     */
    public static synchronized String start() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
            started.brokerProperties(Map.of(
                    // A message to a topic that does not exist is an error, not a new topic.
                    "auto.create.topics.enable", "false",
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "group.initial.rebalance.delay.ms", "0"));
            try {
                started.afterPropertiesSet();
            } catch (RuntimeException e) {
                throw new IllegalStateException("Could not start the embedded Kafka broker"
                        + " (set spring.kafka.bootstrap-servers to use a running broker)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-shutdown"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
