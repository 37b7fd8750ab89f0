package org.safeguarding.exchange.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareDecision;
import java.io.IOException;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachedSchemaRegistryClientTest {

    private static final String SUBJECT = "exchange.share-decisions-exchange.v1.ShareDecision";
    private final Schema schema = ShareDecision.getClassSchema();

    @Test
    void asksTheRegistryOncePerQuestion() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            CachedSchemaRegistryClient client =
                    new CachedSchemaRegistryClient(new HttpSchemaRegistryClient(List.of(server.url()), null));

            int id = client.register(SUBJECT, schema);
            for (int i = 0; i < 10; i++) {
                assertThat(client.register(SUBJECT, schema)).isEqualTo(id);
                assertThat(client.getId(SUBJECT, schema)).isEqualTo(id);
                assertThat(client.getSchemaById(id)).isSameAs(schema);
                assertThat(client.getLatestVersion(SUBJECT).id()).isEqualTo(id);
            }

            // One registration; the id's schema is known from it; one look-up of the latest version.
            assertThat(server.requests()).extracting(FakeSchemaRegistryServer.Request::rawPath)
                    .containsExactly("/subjects/" + SUBJECT + "/versions", "/subjects/" + SUBJECT + "/versions/latest");
        }
    }

    @Test
    void fetchesAnUnknownIdOnce() throws IOException {
        try (FakeSchemaRegistryServer server = FakeSchemaRegistryServer.start()) {
            int id = new HttpSchemaRegistryClient(List.of(server.url()), null).register(SUBJECT, schema);
            CachedSchemaRegistryClient client =
                    new CachedSchemaRegistryClient(new HttpSchemaRegistryClient(List.of(server.url()), null));
            int before = server.requestCount();

            for (int i = 0; i < 10; i++) {
                assertThat(client.getSchemaById(id)).isEqualTo(schema);
            }

            assertThat(server.requestCount() - before).isEqualTo(1);
        }
    }
}
