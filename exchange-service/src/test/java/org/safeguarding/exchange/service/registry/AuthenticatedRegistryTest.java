package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.SchemaRegistryException;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The registry with {@code exchange.registry.read-access=authenticated}, as Confluent's with basic authentication on:
 * nothing is read without credentials, and clients that send theirs with Confluent's settings (our serde, and the npm
 * package {@code @kafkajs/confluent-schema-registry}) read and register the contract's schemas as an agency, and are
 * refused a schema the registry has never seen.
 */
@TestPropertySource(properties = "exchange.registry.read-access=authenticated")
class AuthenticatedRegistryTest extends ExchangeServiceTest {

    private static final String SHARE_REQUESTS = IntakeTopic.SHARE_REQUESTS.topic() + "-" + ShareRequest.getClassSchema().getFullName();

    @Test
    void nothingIsReadWithoutCredentials() {
        RegistryHttp anonymous = new RegistryHttp(registryUrl());
        RegistryHttp agency = new RegistryHttp(registryUrl(), TestUsers.basicAuthorization(TestUsers.SCHOOL));
        int id = agency.get("/subjects/" + SHARE_REQUESTS + "/versions/latest").json().get("id").asInt();
        String schema = RegistryHttp.schemaBody(ShareRequest.getClassSchema().toString());
        List<Read> reads = List.of(
                http -> http.get(""),
                http -> http.get("/subjects"),
                http -> http.get("/schemas/ids/" + id),
                http -> http.get("/subjects/" + SHARE_REQUESTS + "/versions/latest"),
                http -> http.get("/config"),
                http -> http.post("/subjects/" + SHARE_REQUESTS, schema),
                http -> http.post("/compatibility/subjects/" + SHARE_REQUESTS + "/versions/latest", schema));
        for (Read read : reads) {
            RegistryHttp.Response refused = read.apply(anonymous);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo(401);
            assertThat(read.apply(agency).status()).isEqualTo(200);
        }
        RegistryHttp wrongPassword = new RegistryHttp(registryUrl(), "Basic " + Base64.getEncoder()
                .encodeToString((TestUsers.SCHOOL + ":guess").getBytes(StandardCharsets.UTF_8)));
        assertThat(wrongPassword.get("/subjects").status()).isEqualTo(401);
    }

    @Test
    void ourSerdeReadsAndRegistersWithTheAgencysCredentialsAndSaysWhenItHasNone() {
        ShareRequest request = SampleRecords.shareRequest();
        String topic = IntakeTopic.SHARE_REQUESTS.topic();
        byte[] bytes;
        try (TestAgency school = new TestAgency(SampleRecords.SCHOOL, bootstrapServers(), registryUrl())) {
            bytes = school.encode(topic, request);
        }
        try (TestAgency council = new TestAgency(SampleRecords.COUNCIL, bootstrapServers(), registryUrl())) {
            assertThat(council.decode(topic, bytes)).isEqualTo(request);
        }
        try (ExchangeAvroDeserializer anonymous = new ExchangeAvroDeserializer()) {
            anonymous.configure(Map.of("schema.registry.url", registryUrl(), "specific.avro.reader", true), false);
            assertThatThrownBy(() -> anonymous.deserialize(topic, bytes)).isInstanceOf(SchemaRegistryException.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("basic.auth.user.info");
        }
    }

    @Test
    void theNodeClientLoggedInAsAnAgencyReadsAndRegistersAnExistingSchemaAndIsRefusedANewOne() {
        Optional<String> unavailable = ThirdPartyNodeClient.whyUnavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable.orElse(null));
        ThirdPartyNodeClient node = ThirdPartyNodeClient.install(Path.of("src/test/node"), Path.of("target/third-party-node"));
        RegistryHttp agency = new RegistryHttp(registryUrl(), TestUsers.basicAuthorization(TestUsers.SCHOOL));
        int id = agency.get("/subjects/" + SHARE_REQUESTS + "/versions/latest").json().get("id").asInt();
        String newSubject = "third-party.agency-test.Note";

        JsonNode answer = node.run("access", Map.of(
                "registryUrl", registryUrl(),
                "registryAuth", Map.of("username", TestUsers.SCHOOL, "password", TestUsers.password(TestUsers.SCHOOL)),
                "subject", SHARE_REQUESTS,
                "existingSchema", ShareRequest.getClassSchema().toString(),
                "newSubject", newSubject,
                "newSchema", SchemaBuilder.record("Note").namespace("test").fields().requiredString("text").endRecord().toString()));

        assertThat(answer.get("latestId").asInt()).isEqualTo(id);
        assertThat(answer.get("registeredId").asInt()).isEqualTo(id);
        assertThat(answer.get("newSchemaRefused").get("status").asInt()).isEqualTo(403);
        assertThat(answer.get("newSchemaRefused").get("message").asString()).contains("ADMIN");
        assertThat(agency.get("/subjects/" + newSubject + "/versions").status()).isEqualTo(404);
        assertThat(agency.get("/subjects/" + SHARE_REQUESTS + "/versions").body()).isEqualTo("[1]");
    }

    private interface Read extends Function<RegistryHttp, RegistryHttp.Response> {
    }
}
