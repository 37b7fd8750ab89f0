package org.safeguarding.exchange.service.embedded;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded default's broker: when no {@code spring.kafka.bootstrap-servers} is configured, starts a single
 * KRaft broker in this process and points the service at it; when one is configured, starts nothing.
 * Runs after the configuration files are read, and before any Kafka bean exists.
 */
public class EmbeddedKafkaLauncher implements EnvironmentPostProcessor, Ordered {

    static final String BOOTSTRAP = "spring.kafka.bootstrap-servers";
    private static EmbeddedKafkaKraftBroker broker;

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 10;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("exchange.embedded.enabled", Boolean.class, true) || environment.containsProperty(BOOTSTRAP)) {
            return;
        }
        int port = environment.getProperty("exchange.embedded.kafka-port", Integer.class, 9092);
        String bootstrap = start(port);
        environment.getPropertySources().addFirst(new MapPropertySource("embedded-kafka", Map.of(BOOTSTRAP, bootstrap)));
        EmbeddedServices.announce("Kafka bootstrap servers", bootstrap);
    }

    /**
     * Starts the process's one in-process broker (port 0 picks a free port), or returns the one already running,
     * however many application contexts or tests ask for it.
     */
    public static synchronized String start(int port) {
        if (broker == null) {
            EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
            started.kafkaPorts(port);
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
                throw new IllegalStateException("Could not start the embedded Kafka broker on port " + port
                        + " (set exchange.embedded.kafka-port, or spring.kafka.bootstrap-servers to use a running broker)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-shutdown"));
            broker = started;
        }
        return broker.getBrokersAsString();
    }
}
