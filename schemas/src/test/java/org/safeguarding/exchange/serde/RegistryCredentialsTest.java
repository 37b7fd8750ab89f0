package org.safeguarding.exchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.FakeSchemaRegistryServer;
import org.safeguarding.exchange.registry.client.SchemaRegistryException;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * The serializer and deserializer log in to a registry that wants credentials when configured as Confluent's are
 * ({@code basic.auth.credentials.source=USER_INFO}, {@code basic.auth.user.info=user:password}): every registry call,
 * registering, reading the latest version and fetching by id, carries HTTP Basic.
 */
class RegistryCredentialsTest {

    private static final String TOPIC = "exchange.share-requests";
    private static final String USER_INFO = "sch-oakfield:s3cret:with:colons";

    @Test
    void everyRegistryCallCarriesTheConfiguredCredentials() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            server.requireAuthorization("Basic " + Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", server.url(),
                    "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", USER_INFO,
                    "value.subject.name.strategy", TopicRecordNameStrategy.class.getName(), "specific.avro.reader", true));
            byte[] registered;
            try (ExchangeAvroSerializer serializer = new ExchangeAvroSerializer()) {
                serializer.configure(config, false);
                registered = serializer.serialize(TOPIC, SampleRecords.shareRequest());
            }
            Map<String, Object> latest = new HashMap<>(config);
            latest.put("auto.register.schemas", false);
            latest.put("use.latest.version", true);
            try (ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
                 ExchangeAvroDeserializer deserializer = new ExchangeAvroDeserializer()) {
                serializer.configure(latest, false);
                assertThat(serializer.serialize(TOPIC, SampleRecords.shareRequest())).isEqualTo(registered);
                deserializer.configure(config, false);
                assertThat(deserializer.deserialize(TOPIC, registered)).isEqualTo(SampleRecords.shareRequest());
            }

            assertThat(server.requests()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                    "POST /subjects/" + TOPIC + "-exchange.v1.ShareRequest/versions",
                    "GET /subjects/" + TOPIC + "-exchange.v1.ShareRequest/versions/latest",
                    "GET /schemas/ids/1");
        }
    }

    @Test
    void withoutTheCredentialsTheRefusalNamesTheSettings() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start();
             ExchangeAvroSerializer serializer = new ExchangeAvroSerializer()) {
            server.requireAuthorization("Basic " + Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8)));
            serializer.configure(Map.of("schema.registry.url", server.url()), false);
            assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.shareRequest()))
                    .isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("basic.auth.user.info");
        }
    }
}
