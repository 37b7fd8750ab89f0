package org.safeguarding.exchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** When the embedded broker starts, and what it says when it cannot. */
class EmbeddedKafkaLauncherTest {

    @TempDir
    Path dataDir;

    @Test
    void aTakenPortIsNamedWithTheSettingThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("exchange.embedded.data-dir", dataDir.toString())
                    .withProperty("exchange.embedded.kafka.port", String.valueOf(taken.getLocalPort()));
            new EmbeddedKafkaLauncher().postProcessEnvironment(environment, new SpringApplication());

            assertThatThrownBy(() -> environment.getProperty("spring.kafka.bootstrap-servers"))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("exchange.embedded.kafka.port")
                    .hasMessageContaining("spring.kafka.bootstrap-servers");
            assertThat(dataDir.resolve("kafka").resolve("meta.properties")).doesNotExist();
        }
    }

    @Test
    void aConfiguredBrokerMeansNothingEmbeddedStarts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("exchange.embedded.data-dir", dataDir.toString())
                .withProperty("spring.kafka.bootstrap-servers", "kafka1:9092");
        new EmbeddedKafkaLauncher().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(EmbeddedKafkaLauncher.PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("kafka1:9092");
    }

    @Test
    void theDefaultPortIs9092() {
        assertThat(EmbeddedProperties.of(new org.springframework.core.env.StandardEnvironment()).kafka().port()).isEqualTo(9092);
    }
}
