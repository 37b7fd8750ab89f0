package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.registry.TestSchemas.AGE_WITH_DEFAULT;
import static org.safeguarding.exchange.service.registry.TestSchemas.NAME;
import static org.safeguarding.exchange.service.registry.TestSchemas.person;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.TestInfrastructure;

/** Ids, versions, deletes and levels live in PostgreSQL: a new application on the same database has them all. */
class RegistryRestartTest {

    @Test
    void everythingRegisteredSurvivesARestart() {
        Map<String, Object> database = TestInfrastructure.freshDatabase().springProperties();
        int first;
        int second;
        int third;
        try (StandaloneRegistry registry = StandaloneRegistry.start(database)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            first = http.register("restart-a-value", person(NAME));
            second = http.register("restart-a-value", person(NAME, AGE_WITH_DEFAULT));
            third = http.register("restart-b-value", "\"string\"");
            http.register("restart-gone-value", "\"long\"");
            http.delete("/subjects/restart-gone-value");
            http.put("/config", "{\"compatibility\":\"FULL\"}");
            http.put("/config/restart-b-value", "{\"compatibility\":\"NONE\"}");
        }

        try (StandaloneRegistry restarted = StandaloneRegistry.start(database)) {
            RegistryHttp http = new RegistryHttp(restarted.url());
            assertThat(http.get("/subjects").body()).isEqualTo("[\"restart-a-value\",\"restart-b-value\"]");
            assertThat(http.get("/subjects?deleted=true").body())
                    .isEqualTo("[\"restart-a-value\",\"restart-b-value\",\"restart-gone-value\"]");
            assertThat(http.get("/subjects/restart-a-value/versions").body()).isEqualTo("[1,2]");
            assertThat(http.get("/subjects/restart-a-value/versions/1").json().get("id").asInt()).isEqualTo(first);
            assertThat(http.get("/subjects/restart-a-value/versions/2").json().get("id").asInt()).isEqualTo(second);
            assertThat(http.get("/schemas/ids/" + third).json().get("schema").asString()).isEqualTo("\"string\"");
            assertThat(http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            assertThat(http.get("/config/restart-b-value").body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");

            // Registering known schemas again gives the same ids, and a new schema a new one.
            assertThat(http.register("restart-a-value", person(NAME, AGE_WITH_DEFAULT))).isEqualTo(second);
            assertThat(http.register("restart-c-value", person(NAME))).isEqualTo(first);
            assertThat(http.register("restart-d-value", "\"int\"")).isNotIn(first, second, third);
        }
    }
}
