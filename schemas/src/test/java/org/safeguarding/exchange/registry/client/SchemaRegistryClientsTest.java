package org.safeguarding.exchange.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.Receipt;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

    @Test
    void httpUrlsGiveACachingHttpClientOverEveryUrl() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(
                Map.of("schema.registry.url", "http://one:8081, http://two:8081/"));

        assertThat(client).isInstanceOf(CachedSchemaRegistryClient.class);
        assertThat(client.location()).isEqualTo("http://one:8081,http://two:8081");
    }

    @Test
    void userInfoIsSentAsBasicAuthentication() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of(
                    "schema.registry.url", server.url(),
                    "basic.auth.credentials.source", "USER_INFO",
                    "basic.auth.user.info", "KEY:SECRET"));

            client.register("s", Receipt.getClassSchema());

            assertThat(server.requests().get(0).authorization())
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("KEY:SECRET".getBytes()));
        }
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthenticationAndLeftOutOfTheUrl() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            String url = server.url().replace("http://", "http://agency:pw@");
            SchemaRegistryClient client = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", url));

            client.register("s", Receipt.getClassSchema());

            assertThat(client.location()).isEqualTo(server.url());
            assertThat(server.requests().get(0).authorization())
                    .isEqualTo("Basic " + Base64.getEncoder().encodeToString("agency:pw".getBytes()));
        }
    }

    @Test
    void configurationMistakesAreNamed() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(
                "schema.registry.url", "http://x", "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of(
                "schema.registry.url", "http://x", "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USER_INFO and URL");
    }
}
