package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.registry.RegistryHttp.Response;
import org.safeguarding.exchange.service.testing.TestInfrastructure;

/** A failing database is answered with Confluent's store error, not a bare 500 page. */
class StoreFailureTest {

    @Test
    void aBrokenStoreIsError50001() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        try (StandaloneRegistry registry = StandaloneRegistry.start(database.springProperties())) {
            RegistryHttp http = new RegistryHttp(registry.url());
            assertThat(http.get("/config").status()).isEqualTo(200);

            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE registry_compatibility");
            }

            Response response = http.get("/config");
            assertThat(response.status()).isEqualTo(500);
            assertThat(response.errorCode()).isEqualTo(50001);
            assertThat(response.contentType()).startsWith(RegistryHttp.V1_JSON);
        }
    }
}
