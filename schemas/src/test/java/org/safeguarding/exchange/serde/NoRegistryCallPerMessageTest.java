package org.safeguarding.exchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.FakeSchemaRegistryServer;
import org.safeguarding.exchange.registry.client.IncompatibleSchemaException;
import org.safeguarding.exchange.registry.client.RegistryUnreachableException;
import org.safeguarding.exchange.testing.SampleRecords;

/** Against a real HTTP registry: the network is used to warm the caches and never again per message. */
class NoRegistryCallPerMessageTest {

    private static final String REQUESTS = "exchange.share-requests";
    private static final String HAZARDS = "exchange.hazard-notifications";

    @Test
    void afterWarmUpNoMessageReachesTheRegistry() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            Map<String, Object> producer = Map.of("schema.registry.url", server.url(),
                    "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
            Map<String, Object> consumer = Map.of("schema.registry.url", server.url(), "specific.avro.reader", "true");
            ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
            serializer.configure(producer, false);
            // A consumer is another process: its own client, which must fetch each schema once.
            ExchangeAvroDeserializer deserializer = new ExchangeAvroDeserializer();
            deserializer.configure(consumer, false);

            deserializer.deserialize(REQUESTS, serializer.serialize(REQUESTS, SampleRecords.shareRequest()));
            deserializer.deserialize(HAZARDS, serializer.serialize(HAZARDS, SampleRecords.hazardRaised()));
            int warmUp = server.requestCount();

            for (int i = 0; i < 1_000; i++) {
                assertThat(deserializer.deserialize(REQUESTS, serializer.serialize(REQUESTS, SampleRecords.shareRequest())))
                        .isEqualTo(SampleRecords.shareRequest());
                assertThat(deserializer.deserialize(HAZARDS, serializer.serialize(HAZARDS, SampleRecords.hazardRaised())))
                        .isEqualTo(SampleRecords.hazardRaised());
            }

            assertThat(warmUp).isEqualTo(4);
            assertThat(server.requests()).extracting(r -> r.method() + " " + r.rawPath()).containsExactly(
                    "POST /subjects/" + REQUESTS + "-exchange.v1.ShareRequest/versions",
                    "GET /schemas/ids/1",
                    "POST /subjects/" + HAZARDS + "-exchange.v1.HazardNotification/versions",
                    "GET /schemas/ids/2");
        }
    }

    @Test
    void refusedSchemaReachesTheProducerWithTheRegistrysMessage() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            server.refuseAsIncompatible(REQUESTS + "-value");
            ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
            serializer.configure(Map.of("schema.registry.url", server.url()), false);

            assertThatThrownBy(() -> serializer.serialize(REQUESTS, SampleRecords.shareRequest()))
                    .isInstanceOf(IncompatibleSchemaException.class)
                    .hasMessageContaining("subject '" + REQUESTS + "-value'")
                    .hasMessageContaining("incompatible with an earlier schema");
        }
    }

    @Test
    void unreachableRegistryReachesTheProducerWithItsUrl() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
        serializer.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + port), false);

        assertThatThrownBy(() -> serializer.serialize(REQUESTS, SampleRecords.shareRequest()))
                .isInstanceOf(RegistryUnreachableException.class)
                .hasMessageContaining("Schema registry unreachable at http://127.0.0.1:" + port);
    }
}
