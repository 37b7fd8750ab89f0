package org.safeguarding.exchange.service.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.safeguarding.exchange.embedded.EmbeddedKafka;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One Kafka broker for every test in the JVM: a Testcontainers broker where a Docker engine exists, else the same
 * in-process KRaft broker the embedded default runs, on a free port with its log under java.io.tmpdir (target/tmp).
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return bootstrapServers;
    }

    @SuppressWarnings("resource") // lives as long as the JVM
    private static String startEmbedded() {
        try {
            return EmbeddedKafka.start(Files.createTempDirectory("test-kafka"), 0).bootstrapServers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("resource") // lives as long as the JVM; Testcontainers' reaper removes it
    private static String startContainer() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
        kafka.start();
        return kafka.getBootstrapServers();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
