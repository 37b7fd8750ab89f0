package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.registry.RegistryHttp.schemaBody;
import static org.safeguarding.exchange.service.registry.TestSchemas.AGE;
import static org.safeguarding.exchange.service.registry.TestSchemas.AGE_WITH_DEFAULT;
import static org.safeguarding.exchange.service.registry.TestSchemas.NAME;
import static org.safeguarding.exchange.service.registry.TestSchemas.person;

import java.util.List;
import java.util.Map;

import exchange.v1.ShareRequest;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.registry.RegistryHttp.Response;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/** Every endpoint of the registry API over real HTTP, with Confluent's answers and error codes. */
class SchemaRegistryApiTest {

    private static StandaloneRegistry registry;
    private static RegistryHttp http;

    @BeforeAll
    static void start() {
        registry = StandaloneRegistry.start(TestInfrastructure.freshDatabase().springProperties());
        http = new RegistryHttp(registry.url());
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    @Test
    void servesUnderTheBasePathWithConfluentsContentType() {
        assertThat(registry.url()).endsWith("/registry");
        Response root = http.get("");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).startsWith(RegistryHttp.V1_JSON);
        assertThat(http.get("/schemas/types").json().get(0).asString()).isEqualTo("AVRO");
    }

    @Test
    void registeringReturnsAnIdAndRegisteringTheSameSchemaAgainReturnsTheSameIdAndNoNewVersion() {
        String subject = "register-twice-value";
        Response first = http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME)));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith(RegistryHttp.V1_JSON);
        int id = first.json().get("id").asInt();
        assertThat(id).isPositive();

        // Same schema, different whitespace and key order: the parsed canonical form is what counts.
        String reformatted = "{ \"namespace\": \"test\", \"name\": \"Person\", \"type\": \"record\","
                + "  \"fields\": [ { \"type\": \"string\", \"name\": \"name\" } ] }";
        assertThat(http.register(subject, reformatted)).isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void theSameSchemaUnderTwoSubjectsHasOneId() {
        String schema = person(NAME, "{\"name\":\"shared\",\"type\":\"boolean\"}");
        int first = http.register("shared-a-value", schema);
        int second = http.register("shared-b-value", schema);
        assertThat(second).isEqualTo(first);

        JsonNode versions = http.get("/schemas/ids/" + first + "/versions").json();
        assertThat(versions.toString()).isEqualTo(
                "[{\"subject\":\"shared-a-value\",\"version\":1},{\"subject\":\"shared-b-value\",\"version\":1}]");
        assertThat(http.get("/schemas/ids/" + first + "/subjects").body())
                .isEqualTo("[\"shared-a-value\",\"shared-b-value\"]");
    }

    @Test
    void aContractSchemaRegistersUnderItsTopicRecordNameSubjectAndComesBackTheSame() {
        String subject = "exchange.share-requests-exchange.v1.ShareRequest";
        int id = http.register(subject, ShareRequest.getClassSchema().toString());

        Response byId = http.get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        Schema returned = new Schema.Parser().parse(byId.json().get("schema").asString());
        assertThat(returned).isEqualTo(ShareRequest.getClassSchema());
        assertThat(http.get("/schemas/ids/" + id + "/schema").body())
                .isEqualTo(ShareRequest.getClassSchema().toString());
        assertThat(http.get("/subjects").json().toString()).contains(subject);
    }

    @Test
    void unknownSchemaIdIs40403() {
        Response response = http.get("/schemas/ids/987654");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40403);
        assertThat(response.contentType()).startsWith(RegistryHttp.V1_JSON);
        assertThat(http.get("/schemas/ids/987654/versions").errorCode()).isEqualTo(40403);
        assertThat(http.get("/schemas/ids/not-a-number").errorCode()).isEqualTo(40403);
    }

    @Test
    void lookUpFindsTheVersionThatHoldsTheSchema() {
        String subject = "lookup-value";
        int id = http.register(subject, person(NAME));
        http.register(subject, person(NAME, AGE_WITH_DEFAULT));

        Response found = http.post("/subjects/" + subject, schemaBody(person(NAME)));
        assertThat(found.status()).isEqualTo(200);
        JsonNode body = found.json();
        assertThat(body.get("subject").asString()).isEqualTo(subject);
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(body.get("schema").asString()))
                .isEqualTo(new Schema.Parser().parse(person(NAME)));

        Response unknownSubject = http.post("/subjects/no-such-subject", schemaBody(person(NAME)));
        assertThat(unknownSubject.status()).isEqualTo(404);
        assertThat(unknownSubject.errorCode()).isEqualTo(40401);

        Response notUnderSubject = http.post("/subjects/" + subject, schemaBody(person(NAME, AGE)));
        assertThat(notUnderSubject.status()).isEqualTo(404);
        assertThat(notUnderSubject.errorCode()).isEqualTo(40403);
    }

    @Test
    void versionsAreReadByNumberByLatestAndAsRawSchema() {
        String subject = "versions-value";
        int first = http.register(subject, person(NAME));
        int second = http.register(subject, person(NAME, AGE_WITH_DEFAULT));
        assertThat(second).isNotEqualTo(first);

        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1,2]");
        JsonNode one = http.get("/subjects/" + subject + "/versions/1").json();
        assertThat(one.get("subject").asString()).isEqualTo(subject);
        assertThat(one.get("version").asInt()).isEqualTo(1);
        assertThat(one.get("id").asInt()).isEqualTo(first);
        assertThat(one.get("schema").asString()).isEqualTo(new Schema.Parser().parse(person(NAME)).toString());

        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().get("version").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/" + subject + "/versions/-1").json().get("id").asInt()).isEqualTo(second);

        Response raw = http.get("/subjects/" + subject + "/versions/1/schema");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo(new Schema.Parser().parse(person(NAME)).toString());
        assertThat(http.get("/subjects/" + subject + "/versions/latest/referencedby").body()).isEqualTo("[]");
    }

    @Test
    void missingSubjectsAndVersionsAndBadVersionIdsHaveConfluentsCodes() {
        String subject = "missing-value";
        http.register(subject, person(NAME));

        assertError(http.get("/subjects/nobody/versions"), 404, 40401);
        assertError(http.get("/subjects/nobody/versions/1"), 404, 40401);
        assertError(http.get("/subjects/" + subject + "/versions/7"), 404, 40402);
        assertError(http.get("/subjects/" + subject + "/versions/seven"), 422, 42202);
        assertError(http.get("/subjects/" + subject + "/versions/0"), 422, 42202);
        assertError(http.get("/subjects/" + subject + "/versions/-2"), 422, 42202);
        assertError(http.delete("/subjects/" + subject + "/versions/seven"), 422, 42202);
    }

    @Test
    void versionsAreSoftDeletedBeforeTheyArePermanentlyDeleted() {
        String subject = "delete-version-value";
        // A schema of this test's own: the id's subject list must not show other tests' subjects.
        String marker = "{\"name\":\"deleteVersionMarker\",\"type\":\"string\"}";
        int id = http.register(subject, person(NAME, marker));
        http.register(subject, person(NAME, marker, AGE_WITH_DEFAULT));

        assertError(http.delete("/subjects/" + subject + "/versions/1?permanent=true"), 404, 40407);

        Response soft = http.delete("/subjects/" + subject + "/versions/1");
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body()).isEqualTo("1");
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[2]");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[1,2]");
        assertError(http.get("/subjects/" + subject + "/versions/1"), 404, 40402);
        assertThat(http.get("/subjects/" + subject + "/versions/1?deleted=true").json().get("id").asInt())
                .isEqualTo(id);
        assertError(http.delete("/subjects/" + subject + "/versions/1"), 404, 40406);
        assertThat(http.get("/schemas/ids/" + id + "/versions").body()).isEqualTo("[]");
        assertThat(http.get("/schemas/ids/" + id + "/versions?deleted=true").body())
                .isEqualTo("[{\"subject\":\"" + subject + "\",\"version\":1}]");

        Response hard = http.delete("/subjects/" + subject + "/versions/1?permanent=true");
        assertThat(hard.status()).isEqualTo(200);
        assertThat(hard.body()).isEqualTo("1");
        assertThat(http.get("/subjects/" + subject + "/versions?deleted=true").body()).isEqualTo("[2]");
        assertError(http.delete("/subjects/" + subject + "/versions/1?permanent=true"), 404, 40402);
        // The id stays readable: messages written with it still exist.
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void subjectsAreSoftDeletedBeforeTheyArePermanentlyDeleted() {
        String subject = "delete-subject-value";
        int id = http.register(subject, person(NAME));
        http.register(subject, person(NAME, AGE_WITH_DEFAULT));

        assertError(http.delete("/subjects/nobody"), 404, 40401);
        assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40405);

        Response soft = http.delete("/subjects/" + subject);
        assertThat(soft.status()).isEqualTo(200);
        assertThat(soft.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).doesNotContain(subject);
        assertThat(http.get("/subjects?deleted=true").json().toString()).contains(subject);
        assertError(http.get("/subjects/" + subject + "/versions"), 404, 40401);
        assertError(http.delete("/subjects/" + subject), 404, 40404);

        Response hard = http.delete("/subjects/" + subject + "?permanent=true");
        assertThat(hard.status()).isEqualTo(200);
        assertThat(hard.body()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).doesNotContain(subject);
        assertError(http.delete("/subjects/" + subject + "?permanent=true"), 404, 40401);

        // Registering again starts the subject afresh and reuses the global id.
        assertThat(http.register(subject, person(NAME))).isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void reRegisteringASoftDeletedSchemaMakesANewVersionWithTheSameId() {
        String subject = "reregister-value";
        int id = http.register(subject, person(NAME));
        http.delete("/subjects/" + subject + "/versions/1");
        assertThat(http.register(subject, person(NAME))).isEqualTo(id);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[2]");
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409AndAvrosReason() {
        String subject = "incompatible-value";
        http.register(subject, person(NAME));

        Response refused = http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME, AGE)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.message())
                .contains("incompatible")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("age");
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void compatibilityEndpointAnswersIsCompatibleAndVerboseMessages() {
        String subject = "check-value";
        http.register(subject, person(NAME));

        Response compatible = http.post("/compatibility/subjects/" + subject + "/versions/latest",
                schemaBody(person(NAME, AGE_WITH_DEFAULT)));
        assertThat(compatible.status()).isEqualTo(200);
        assertThat(compatible.body()).isEqualTo("{\"is_compatible\":true}");

        Response incompatible = http.post("/compatibility/subjects/" + subject + "/versions/1",
                schemaBody(person(NAME, AGE)));
        assertThat(incompatible.body()).isEqualTo("{\"is_compatible\":false}");

        Response verbose = http.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true",
                schemaBody(person(NAME, AGE)));
        assertThat(verbose.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().get("messages").toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");

        Response againstLevel = http.post("/compatibility/subjects/" + subject + "/versions",
                schemaBody(person(NAME, AGE)));
        assertThat(againstLevel.json().get("is_compatible").asBoolean()).isFalse();
        // Nothing was registered by checking.
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");

        assertError(http.post("/compatibility/subjects/nobody/versions/latest", schemaBody(person(NAME))), 404, 40401);
        assertError(http.post("/compatibility/subjects/" + subject + "/versions/9", schemaBody(person(NAME))), 404, 40402);
        assertError(http.post("/compatibility/subjects/" + subject + "/versions/x", schemaBody(person(NAME))), 422, 42202);
    }

    @Test
    void subjectConfigIsSetReadAndDeletedAsConfluentDoes() {
        String subject = "config-value";
        assertError(http.get("/config/" + subject), 404, 40408);
        assertThat(http.get("/config/" + subject + "?defaultToGlobal=true").body())
                .isEqualTo("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}");

        Response set = http.put("/config/" + subject, "{\"compatibility\":\"FULL\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body()).isEqualTo("{\"compatibility\":\"FULL\"}");
        assertThat(http.get("/config/" + subject).body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

        Response deleted = http.delete("/config/" + subject);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        assertError(http.get("/config/" + subject), 404, 40408);
        assertError(http.delete("/config/" + subject), 404, 40401);

        assertError(http.put("/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
        assertError(http.put("/config/" + subject, "{}"), 422, 42203);
    }

    @Test
    void invalidSchemasAndOtherTypesAre42201() {
        Response notJson = http.post("/subjects/invalid-value/versions", schemaBody("{\"type\":\"record\""));
        assertError(notJson, 422, 42201);
        Response unknownType = http.post("/subjects/invalid-value/versions",
                schemaBody("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"Nope\"}]}"));
        assertError(unknownType, 422, 42201);
        Response badDefault = http.post("/subjects/invalid-value/versions",
                schemaBody(person("{\"name\":\"age\",\"type\":\"int\",\"default\":\"old\"}")));
        assertError(badDefault, 422, 42201);
        assertError(http.post("/subjects/invalid-value/versions", "{}"), 422, 42201);

        Response protobuf = http.post("/subjects/invalid-value/versions", RegistryHttp.json(Map.of(
                "schema", "syntax = \"proto3\"; message M { string f = 1; }", "schemaType", "PROTOBUF")));
        assertError(protobuf, 422, 42201);
        assertThat(protobuf.message()).contains("PROTOBUF").contains("AVRO");

        Response references = http.post("/subjects/invalid-value/versions", RegistryHttp.json(Map.of(
                "schema", person(NAME), "references",
                List.of(Map.of("name", "test.Other", "subject", "other-value", "version", 1)))));
        assertError(references, 422, 42201);

        Response explicitAvro = http.post("/subjects/explicit-avro-value/versions", RegistryHttp.json(Map.of(
                "schema", person(NAME), "schemaType", "AVRO", "references", List.of())));
        assertThat(explicitAvro.status()).isEqualTo(200);
        assertThat(http.get("/subjects").json().toString()).doesNotContain("invalid-value");
    }

    @Test
    void malformedRequestBodiesGetA400WithAnErrorBodyNeverA500() {
        for (String body : List.of("{\"schema\":", "not json at all", "[1,2]", "\"a string\"",
                "{\"schema\": {\"type\": \"string\"}}", "{\"schema\":\"\\\"string\\\"\",\"references\":7}")) {
            Response response = http.post("/subjects/malformed-value/versions", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.errorCode()).as(body).isEqualTo(400);
            assertThat(response.message()).as(body).isNotBlank();
        }
        assertThat(http.post("/subjects/malformed-value/versions", "").status()).isEqualTo(400);
        assertThat(http.put("/config", "{\"compatibility\":").status()).isEqualTo(400);
        assertThat(http.post("/subjects/malformed-value", "{{").status()).isEqualTo(400);
        assertThat(http.post("/compatibility/subjects/malformed-value/versions/latest", "{{").status()).isEqualTo(400);
    }

    @Test
    void requestsAreAcceptedInConfluentsContentTypesAndRefusedInOthers() {
        String body = schemaBody("\"string\"");
        for (String type : List.of(RegistryHttp.V1_JSON, "application/vnd.schemaregistry+json",
                "application/json", "application/octet-stream")) {
            Response response = http.post("/subjects/content-type-value/versions", body, type);
            assertThat(response.status()).as(type).isEqualTo(200);
            assertThat(response.contentType()).as(type).startsWith(RegistryHttp.V1_JSON);
        }
        for (String type : List.of("text/plain", "application/xml")) {
            Response refused = http.post("/subjects/content-type-value/versions", body, type);
            assertError(refused, 415, 415);
            assertThat(refused.contentType()).startsWith(RegistryHttp.V1_JSON);
        }
        assertError(http.put("/subjects/content-type-value/versions", body), 405, 405);
    }

    private static void assertError(Response response, int httpStatus, int errorCode) {
        assertThat(response.status()).as(response.toString()).isEqualTo(httpStatus);
        assertThat(response.errorCode()).as(response.toString()).isEqualTo(errorCode);
        assertThat(response.message()).as(response.toString()).isNotBlank();
    }
}
