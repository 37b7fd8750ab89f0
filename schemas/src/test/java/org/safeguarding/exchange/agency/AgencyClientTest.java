package org.safeguarding.exchange.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agency's client made from the settings file the exchange writes for it. */
class AgencyClientTest {

    @TempDir
    Path folder;

    @Test
    void aSettingsFileGivesEveryEntryAsWrittenAndTheClientTheAgencysOwnPrefix() throws Exception {
        Path file = folder.resolve("LA-HULL.properties");
        Files.writeString(file, """
                # written by the exchange
                bootstrap.servers=localhost:1
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="la-hull" password="p=w";
                schema.registry.url=http://localhost:8080/registry
                basic.auth.user.info=la-hull:p=w
                """);

        assertThat(AgencyClient.settings(file))
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"la-hull\" password=\"p=w\";")
                .containsEntry("basic.auth.user.info", "la-hull:p=w")
                .hasSize(6);
        try (AgencyClient client = AgencyClient.fromSettingsFile("LA-HULL", file)) {
            assertThat(client.ownPrefix()).isEqualTo("agency.LA-HULL.");
            assertThat(client.inboxTopic()).startsWith(client.ownPrefix());
        }
    }
}
