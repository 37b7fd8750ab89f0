package org.safeguarding.exchange.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.HazardNotification;
import exchange.v1.ShareRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    @AfterEach
    void forget() {
        InMemorySchemaRegistry.dropScope("in-memory-test");
    }

    @Test
    void oneRegistryPerScopeSharedByEveryClientConfiguredWithIt() {
        SchemaRegistryClient first = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://in-memory-test"));
        SchemaRegistryClient second = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://in-memory-test"));

        int id = first.register("a-value", ShareRequest.getClassSchema());

        assertThat(second).isSameAs(first);
        assertThat(second.getSchemaById(id)).isEqualTo(ShareRequest.getClassSchema());
        assertThat(second.location()).isEqualTo("mock://in-memory-test");
    }

    @Test
    void idsAreGlobalAndVersionsPerSubject() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope("in-memory-test");

        int request = registry.register("a-value", ShareRequest.getClassSchema());
        int hazard = registry.register("a-value", HazardNotification.getClassSchema());
        int again = registry.register("b-value", ShareRequest.getClassSchema());

        assertThat(request).isEqualTo(1);
        assertThat(hazard).isEqualTo(2);
        assertThat(again).isEqualTo(request);
        assertThat(registry.getLatestVersion("a-value")).isEqualTo(
                new RegisteredSchema("a-value", 2, 2, HazardNotification.getClassSchema()));
        assertThat(registry.getId("b-value", ShareRequest.getClassSchema())).isEqualTo(1);
    }

    @Test
    void failsAsTheHttpRegistryDoes() {
        InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope("in-memory-test");
        registry.register("a-value", ShareRequest.getClassSchema());

        assertThatThrownBy(() -> registry.getId("missing", ShareRequest.getClassSchema()))
                .isInstanceOf(SubjectNotFoundException.class).hasMessageContaining("'missing'");
        assertThatThrownBy(() -> registry.getId("a-value", HazardNotification.getClassSchema()))
                .isInstanceOf(SchemaNotFoundException.class).hasMessageContaining("'a-value'");
        assertThatThrownBy(() -> registry.getSchemaById(99))
                .isInstanceOf(SchemaNotFoundException.class).hasMessage("Schema id 99 not found in the schema registry at mock://in-memory-test");
    }
}
