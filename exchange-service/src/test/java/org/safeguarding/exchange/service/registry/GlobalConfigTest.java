package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.registry.RegistryHttp.schemaBody;
import static org.safeguarding.exchange.service.registry.TestSchemas.NAME;
import static org.safeguarding.exchange.service.registry.TestSchemas.NAME_AS_INT;
import static org.safeguarding.exchange.service.registry.TestSchemas.person;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.registry.RegistryHttp.Response;
import org.safeguarding.exchange.service.testing.TestInfrastructure;

/** The global compatibility level, its configured default, and the configurable base path. */
class GlobalConfigTest {

    @Test
    void theGlobalLevelDefaultsToBackwardTransitiveAndCanBeChangedAndReset() {
        try (StandaloneRegistry registry = StandaloneRegistry.start(TestInfrastructure.freshDatabase().springProperties())) {
            RegistryHttp http = new RegistryHttp(registry.url());
            Response initial = http.get("/config");
            assertThat(initial.status()).isEqualTo(200);
            assertThat(initial.contentType()).startsWith(RegistryHttp.V1_JSON);
            assertThat(initial.body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");

            http.register("global-value", person(NAME));
            assertThat(http.post("/subjects/global-value/versions", schemaBody(person(NAME_AS_INT))).status())
                    .isEqualTo(409);

            Response set = http.put("/config", "{\"compatibility\":\"none\"}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.body()).isEqualTo("{\"compatibility\":\"NONE\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(http.get("/config/global-value?defaultToGlobal=true").body())
                    .isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(http.post("/subjects/global-value/versions", schemaBody(person(NAME_AS_INT))).status())
                    .isEqualTo(200);

            Response invalid = http.put("/config", "{\"compatibility\":\"ALMOST\"}");
            assertThat(invalid.status()).isEqualTo(422);
            assertThat(invalid.errorCode()).isEqualTo(42203);
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");

            Response reset = http.delete("/config");
            assertThat(reset.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");
        }
    }

    @Test
    void theBasePathAndTheDefaultLevelComeFromProperties() {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.freshDatabase().springProperties());
        properties.put("exchange.registry.base-path", "/schema-registry");
        properties.put("exchange.registry.default-compatibility", "FORWARD");
        try (StandaloneRegistry registry = StandaloneRegistry.start(properties)) {
            assertThat(registry.url()).endsWith("/schema-registry");
            RegistryHttp http = new RegistryHttp(registry.url());
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
            assertThat(http.get("/subjects").status()).isEqualTo(200);
            assertThat(new RegistryHttp("http://localhost:" + registry.port() + "/registry").get("/subjects").status())
                    .isEqualTo(404);
        }
    }
}
