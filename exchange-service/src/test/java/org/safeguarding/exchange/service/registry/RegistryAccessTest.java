package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.Receipt;
import exchange.v1.RegisterCheckpoint;
import exchange.v1.Reminder;
import exchange.v1.ShareRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.TopicRecordNameStrategy;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what to the service's schema registry (REGISTRY.md, "Who may do what"), on the whole service: reads are
 * open, an existing schema answers its id to any user, every change needs ADMIN, refusals come in Confluent's form,
 * every change and every refusal is in the write log, and a fresh service already holds the contract's subjects.
 */
class RegistryAccessTest extends ExchangeServiceTest {

    private static final String SHARE_REQUESTS = "exchange.share-requests-" + ShareRequest.getClassSchema().getFullName();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private AgencyDirectory directory;
    @Autowired
    private SchemaRegistry registry;

    @Test
    void aFreshServiceListsTheContractSubjectsToAnyone() {
        List<String> expected = new ArrayList<>();
        for (IntakeTopic intake : IntakeTopic.values()) {
            expected.add(intake.topic() + "-exchange.v1." + intake.recordType().getSimpleName());
        }
        for (Agency agency : directory.all()) {
            expected.add(agency.receiptsTopic() + "-" + Receipt.getClassSchema().getFullName());
            expected.add(agency.inboxTopic() + "-" + Reminder.getClassSchema().getFullName());
        }
        expected.add("exchange.register-checkpoints-" + RegisterCheckpoint.getClassSchema().getFullName());

        RegistryHttp.Response subjects = anonymous().get("/subjects");
        assertThat(subjects.status()).as("reads are open by default").isEqualTo(200);
        List<String> listed = new ArrayList<>();
        subjects.json().forEach(subject -> listed.add(subject.asString()));
        assertThat(listed).containsAll(expected);

        // Each carries the contract's level as its own, so that clients that set one on first registration need not.
        assertThat(anonymous().get("/config/" + SHARE_REQUESTS).json().get("compatibilityLevel").asString())
                .isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions/latest").json().get("schema").asString())
                .isEqualTo(ShareRequest.getClassSchema().toString());
        List<JsonNode> written = writes(b -> b + "&principal=exchange-service");
        assertThat(written).anySatisfy(write -> {
            assertThat(write.get("subject").asString()).isEqualTo(SHARE_REQUESTS);
            assertThat(write.get("operation").asString()).isEqualTo("REGISTER");
        });

        // What a restart does (a new process, its client's cache empty) adds no version and no write.
        int id = anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions/latest").json().get("id").asInt();
        assertThat(registry.registerAsService(SHARE_REQUESTS,
                new SchemaRegistry.Submission(ShareRequest.getClassSchema().toString(), null, false))).isEqualTo(id);
        assertThat(anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions").body()).isEqualTo("[1]");
        assertThat(writes(b -> b + "&principal=exchange-service")).hasSameSizeAs(written);
    }

    @Test
    void aUseLatestVersionClientSerializesWithoutRegisteringOrLoggingIn() {
        int latest = anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions/latest").json().get("id").asInt();
        byte[] bytes;
        try (ExchangeAvroSerializer serializer = new ExchangeAvroSerializer()) {
            serializer.configure(Map.of("schema.registry.url", registryUrl(), "auto.register.schemas", false,
                    "use.latest.version", true, "value.subject.name.strategy", TopicRecordNameStrategy.class.getName()), false);
            bytes = serializer.serialize(IntakeTopic.SHARE_REQUESTS.topic(), SampleRecords.shareRequest());
        }
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latest);
        assertThat(anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions").body()).isEqualTo("[1]");
    }

    @Test
    void anExistingSchemaAnswersItsIdToAnyUserButNotToAnonymousCallers() {
        int latest = anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions/latest").json().get("id").asInt();
        String body = RegistryHttp.schemaBody(ShareRequest.getClassSchema().toString());

        for (String user : List.of(TestUsers.SCHOOL, TestUsers.HUB, TestUsers.ADMIN)) {
            RegistryHttp.Response answer = as(user).post("/subjects/" + SHARE_REQUESTS + "/versions", body);
            assertThat(answer.status()).as(user).isEqualTo(200);
            assertThat(answer.json().get("id").asInt()).as(user).isEqualTo(latest);
        }
        RegistryHttp.Response anonymous = anonymous().post("/subjects/" + SHARE_REQUESTS + "/versions", body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo(401);
        assertThat(anonymous().get("/subjects/" + SHARE_REQUESTS + "/versions").body()).as("nothing added").isEqualTo("[1]");
    }

    @Test
    void anonymousCallersAndOtherRolesThanAdminAreRefusedEveryChange() {
        String subject = "access.refusals-test.Person";
        // (as the auditor, who is also an operator here, so that the admin test below finds only its own writes)
        int id = as(TestUsers.AUDITOR).register(subject, TestSchemas.person(TestSchemas.NAME));
        List<Change> changes = List.of(
                http -> http.put("/config", RegistryHttp.json(Map.of("compatibility", "NONE"))),
                http -> http.put("/config/" + subject, RegistryHttp.json(Map.of("compatibility", "NONE"))),
                http -> http.put("/config/" + SHARE_REQUESTS, RegistryHttp.json(Map.of("compatibility", "NONE"))),
                http -> http.delete("/config"),
                http -> http.delete("/config/" + SHARE_REQUESTS),
                http -> http.delete("/subjects/" + subject),
                http -> http.delete("/subjects/" + SHARE_REQUESTS + "/versions/1"),
                // a new version of a subject, a new subject, and a new subject for a schema known elsewhere
                http -> http.post("/subjects/" + subject + "/versions",
                        RegistryHttp.schemaBody(TestSchemas.person(TestSchemas.NAME, TestSchemas.AGE_WITH_DEFAULT))),
                http -> http.post("/subjects/access.elsewhere-test.Other/versions", RegistryHttp.schemaBody(other())),
                http -> http.post("/subjects/access.elsewhere-test.Person/versions",
                        RegistryHttp.schemaBody(TestSchemas.person(TestSchemas.NAME))),
                // what this registry does not serve, but would write on Confluent's
                http -> http.put("/mode", RegistryHttp.json(Map.of("mode", "READONLY"))));

        for (Change change : changes) {
            RegistryHttp.Response anonymous = change.apply(anonymous());
            assertThat(anonymous.status()).as("anonymous: " + anonymous).isEqualTo(401);
            assertThat(anonymous.errorCode()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith(RegistryHttp.V1_JSON);
            for (String user : List.of(TestUsers.SCHOOL, TestUsers.HUB)) {
                RegistryHttp.Response refused = change.apply(as(user));
                assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
                assertThat(refused.errorCode()).isEqualTo(40301);
                assertThat(refused.message()).contains(user);
                assertThat(refused.contentType()).startsWith(RegistryHttp.V1_JSON);
            }
        }

        RegistryHttp http = anonymous();
        assertThat(http.get("/config").json().get("compatibilityLevel").asString()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(http.get("/config/" + SHARE_REQUESTS).json().get("compatibilityLevel").asString()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(http.get("/config/" + subject).status()).as("no level of its own").isEqualTo(404);
        assertThat(http.get("/subjects/" + subject + "/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/" + SHARE_REQUESTS + "/versions").body()).isEqualTo("[1]");
        assertThat(http.get("/subjects/access.elsewhere-test.Person/versions").status()).isEqualTo(404);
        assertThat(http.get("/schemas/ids/" + id + "/subjects").body()).isEqualTo("[\"" + subject + "\"]");

        // Each refusal the registry decided is logged with who and what; the anonymous ones name nobody and are not.
        List<JsonNode> refused = writes(b -> b + "&principal=" + TestUsers.SCHOOL);
        assertThat(refused).hasSize(10).allSatisfy(write -> {
            assertThat(write.get("outcome").asString()).isEqualTo("REFUSED");
            assertThat(write.get("agency").asString()).isEqualTo(SampleRecords.SCHOOL);
            assertThat(write.get("roles").toString()).isEqualTo("[\"AGENCY\"]");
            assertThat(write.get("reason").asString()).contains("ADMIN");
        });
        assertThat(refused).anySatisfy(write -> {
            assertThat(write.get("operation").asString()).isEqualTo("SET_COMPATIBILITY");
            assertThat(write.get("subject").asString()).isEqualTo(SHARE_REQUESTS);
            assertThat(write.get("compatibility").asString()).isEqualTo("NONE");
        });
        assertThat(refused).anySatisfy(write -> {
            assertThat(write.get("operation").asString()).isEqualTo("REGISTER");
            assertThat(write.get("subject").asString()).isEqualTo("access.elsewhere-test.Person");
            assertThat(write.get("schemaId").asInt()).as("the known schema's id").isEqualTo(id);
        });
        assertThat(refused).anySatisfy(write -> {
            assertThat(write.get("operation").asString()).isEqualTo("SET_COMPATIBILITY");
            assertThat(write.get("subject").isNull()).as("the global level").isTrue();
        });
        assertThat(writes(b -> b + "&principal=anonymous")).isEmpty();
    }

    @Test
    void anAdminMayChangeTheRegistryAndEachChangeIsLoggedWithWhoAndWhat() {
        String subject = "access.admin-test.Person";
        RegistryHttp admin = as(TestUsers.ADMIN);
        int first = admin.register(subject, TestSchemas.person(TestSchemas.NAME));
        int second = admin.register(subject, TestSchemas.person(TestSchemas.NAME, TestSchemas.AGE_WITH_DEFAULT));
        assertThat(admin.put("/config/" + subject, RegistryHttp.json(Map.of("compatibility", "FULL"))).status()).isEqualTo(200);
        assertThat(admin.delete("/subjects/" + subject + "/versions/2").status()).isEqualTo(200);
        assertThat(admin.delete("/subjects/" + subject).status()).isEqualTo(200);
        assertThat(admin.delete("/subjects/" + subject + "?permanent=true").status()).isEqualTo(200);
        assertThat(admin.put("/config", RegistryHttp.json(Map.of("compatibility", "FULL_TRANSITIVE"))).status()).isEqualTo(200);
        assertThat(admin.delete("/config").status()).isEqualTo(200);

        List<JsonNode> writes = writes(b -> b + "&principal=" + TestUsers.ADMIN);
        assertThat(writes).allSatisfy(write -> {
            assertThat(write.get("outcome").asString()).isEqualTo("ACCEPTED");
            assertThat(write.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
            assertThat(write.get("writtenAt").isNull()).isFalse();
        });
        // Newest first.
        assertThat(writes.stream().map(w -> w.get("operation").asString() + " " + text(w.get("subject")) + " "
                + w.get("versions") + " " + text(w.get("schemaId")) + " " + text(w.get("compatibility"))).toList())
                .containsExactly(
                        "DELETE_COMPATIBILITY null null null FULL_TRANSITIVE",
                        "SET_COMPATIBILITY null null null FULL_TRANSITIVE",
                        "DELETE_SUBJECT_PERMANENTLY " + subject + " [1,2] null FULL",
                        "DELETE_SUBJECT " + subject + " [1] null null",
                        "DELETE_VERSION " + subject + " [2] " + second + " null",
                        "SET_COMPATIBILITY " + subject + " null null FULL",
                        "REGISTER " + subject + " [2] " + second + " null",
                        "REGISTER " + subject + " [1] " + first + " null");

        // Paged: nextBefore names where the next page starts.
        JsonNode page = auditorWrites("?principal=" + TestUsers.ADMIN + "&limit=3");
        assertThat(page.get("writes")).hasSize(3);
        JsonNode next = auditorWrites("?principal=" + TestUsers.ADMIN + "&limit=3&before=" + page.get("nextBefore").asLong());
        assertThat(next.get("writes").get(0).get("operation").asString()).isEqualTo("DELETE_SUBJECT");
    }

    @Test
    void onlyAuditorsReadTheWriteLogAndNobodyEditsIt() {
        assertThat(status(TestUsers.AUDITOR)).isEqualTo(200);
        for (String user : List.of(TestUsers.ADMIN, TestUsers.HUB, TestUsers.SCHOOL)) {
            assertThat(status(user)).as(user).isEqualTo(403);
        }
        int anonymous = anonymousHttp().get().uri("/api/registry/writes").exchange((request, response) -> response.getStatusCode().value());
        assertThat(anonymous).isEqualTo(401);
        assertThatThrownBy(() -> jdbc().update("update registry_write set principal = 'someone else'")).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().update("delete from registry_write")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().execute("truncate registry_write")).rootCause().hasMessageContaining("append-only");
    }

    private interface Change extends Function<RegistryHttp, RegistryHttp.Response> {
    }

    private RegistryHttp as(String user) {
        return new RegistryHttp(registryUrl(), TestUsers.basicAuthorization(user));
    }

    private RegistryHttp anonymous() {
        return new RegistryHttp(registryUrl());
    }

    private int status(String user) {
        return http(user).get().uri("/api/registry/writes").exchange((request, response) -> response.getStatusCode().value());
    }

    private JsonNode auditorWrites(String query) {
        return JSON.readTree(http(TestUsers.AUDITOR).get().uri("/api/registry/writes" + query).retrieve().body(String.class));
    }

    /** Every row of the write log the query (after {@code ?limit=1000}) selects, newest first. */
    private List<JsonNode> writes(Function<String, String> query) {
        List<JsonNode> rows = new ArrayList<>();
        auditorWrites(query.apply("?limit=1000")).get("writes").forEach(rows::add);
        return rows;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }

    private static String other() {
        Schema schema = SchemaBuilder.record("Other").namespace("test").fields().requiredString("name").endRecord();
        return schema.toString();
    }
}
