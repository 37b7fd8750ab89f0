package org.safeguarding.exchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
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

    @Test
    void theServiceSignsInWithThePublishedSettingsAndTheirPasswordsAreKeptOwnerOnlyAcrossStarts() throws Exception {
        Map<String, String> first = startStopAndSignIn();
        Path file = dataDir.resolve(BrokerCredentials.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(first).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config");
        assertThat(first.get("sasl.jaas.config")).contains("ScramLoginModule").contains("username=\"exchange-service\"");
        assertThat(first.get("admin.sasl.mechanism")).isEqualTo("PLAIN");

        assertThat(startStopAndSignIn()).as("the same credentials at the next start").isEqualTo(first);
    }

    @Test
    void aWrongPasswordIsRefused() {
        MockEnvironment environment = environment();
        try {
            Map<String, Object> client = new HashMap<>(kafkaSettings(environment));
            client.put("sasl.jaas.config", BrokerCredentials.scramJaas(BrokerCredentials.SERVICE_USER, "not-the-password"));
            try (Admin admin = Admin.create(client)) {
                assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
            }
        } finally {
            stop(environment);
        }
    }

    /** Starts the broker through the launcher, signs in as the service, and returns the settings published. */
    private Map<String, String> startStopAndSignIn() throws Exception {
        MockEnvironment environment = environment();
        try {
            Map<String, Object> client = kafkaSettings(environment);
            try (Admin admin = Admin.create(client)) {
                assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isNotBlank();
            }
            Map<String, String> published = new HashMap<>();
            client.forEach((key, value) -> published.put(key, value.toString()));
            published.remove("bootstrap.servers");
            Binder.get(environment).bind("exchange.access.admin", Bindable.mapOf(String.class, String.class))
                    .get().forEach((key, value) -> published.put("admin." + key, value));
            return published;
        } finally {
            stop(environment);
        }
    }

    private MockEnvironment environment() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("exchange.embedded.data-dir", dataDir.toString())
                .withProperty("exchange.embedded.kafka.port", "0");
        new EmbeddedKafkaLauncher().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    /** What the service's Kafka clients are given: the bootstrap servers, the protocol and spring.kafka.properties. */
    private static Map<String, Object> kafkaSettings(MockEnvironment environment) {
        Map<String, Object> client = new HashMap<>(Binder.get(environment)
                .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).get());
        client.put("bootstrap.servers", environment.getProperty("spring.kafka.bootstrap-servers"));
        client.put("security.protocol", environment.getProperty("spring.kafka.security.protocol"));
        return client;
    }

    private static void stop(MockEnvironment environment) {
        ((StartedOnFirstUse) environment.getPropertySources().get(EmbeddedKafkaLauncher.PROPERTY_SOURCE_NAME)).stop();
    }
}
