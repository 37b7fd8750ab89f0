package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.registry.RegistryHttp.schemaBody;
import static org.safeguarding.exchange.service.registry.TestSchemas.AGE;
import static org.safeguarding.exchange.service.registry.TestSchemas.AGE_WITH_DEFAULT;
import static org.safeguarding.exchange.service.registry.TestSchemas.NAME;
import static org.safeguarding.exchange.service.registry.TestSchemas.NAME_AS_INT;
import static org.safeguarding.exchange.service.registry.TestSchemas.NICK;
import static org.safeguarding.exchange.service.registry.TestSchemas.NICK_WITH_DEFAULT;
import static org.safeguarding.exchange.service.registry.TestSchemas.person;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.exchange.service.registry.RegistryHttp.Response;
import org.safeguarding.exchange.service.testing.TestInfrastructure;

/**
 * Each compatibility level with a history that a new schema passes and one it fails. The histories:
 * adding a field without a default breaks BACKWARD (the new schema cannot read old data); removing a
 * field without a default breaks FORWARD (old readers cannot read new data); the transitive levels
 * also look past the latest version.
 */
class CompatibilityLevelsTest {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
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

    /** Level, earlier versions (oldest first), candidate, whether the candidate is accepted, reason expected if not. */
    static Stream<Arguments> cases() {
        return Stream.of(
                accepted("NONE", List.of(person(NAME)), person(NAME_AS_INT)),
                accepted("NONE", List.of(person(NAME)), person(NAME, AGE)),

                accepted("BACKWARD", List.of(person(NAME)), person(NAME, AGE_WITH_DEFAULT)),
                refused("BACKWARD", List.of(person(NAME)), person(NAME, AGE), "READER_FIELD_MISSING_DEFAULT_VALUE"),
                // Only the latest counts: v3 reads v2's data (which has age) though not v1's.
                accepted("BACKWARD", List.of(person(NAME), person(NAME, AGE_WITH_DEFAULT)), person(NAME, AGE)),

                accepted("BACKWARD_TRANSITIVE", List.of(person(NAME), person(NAME, AGE_WITH_DEFAULT)),
                        person(NAME, AGE_WITH_DEFAULT, NICK_WITH_DEFAULT)),
                refused("BACKWARD_TRANSITIVE", List.of(person(NAME), person(NAME, AGE_WITH_DEFAULT)),
                        person(NAME, AGE), "READER_FIELD_MISSING_DEFAULT_VALUE"),

                accepted("FORWARD", List.of(person(NAME, NICK)), person(NAME, NICK, AGE)),
                refused("FORWARD", List.of(person(NAME, NICK)), person(NAME), "READER_FIELD_MISSING_DEFAULT_VALUE"),
                // Only the latest counts: v2 (nick with a default) reads data without nick, v1 would not.
                accepted("FORWARD", List.of(person(NAME, NICK), person(NAME, NICK_WITH_DEFAULT)), person(NAME)),

                accepted("FORWARD_TRANSITIVE", List.of(person(NAME, NICK), person(NAME, NICK_WITH_DEFAULT)),
                        person(NAME, NICK, AGE)),
                refused("FORWARD_TRANSITIVE", List.of(person(NAME, NICK), person(NAME, NICK_WITH_DEFAULT)),
                        person(NAME), "READER_FIELD_MISSING_DEFAULT_VALUE"),

                accepted("FULL", List.of(person(NAME)), person(NAME, AGE_WITH_DEFAULT)),
                refused("FULL", List.of(person(NAME)), person(NAME, AGE), "READER_FIELD_MISSING_DEFAULT_VALUE"),
                refused("FULL", List.of(person(NAME, NICK)), person(NAME), "READER_FIELD_MISSING_DEFAULT_VALUE"),
                accepted("FULL", List.of(person(NAME), person(NAME, AGE_WITH_DEFAULT)), person(NAME, AGE)),

                accepted("FULL_TRANSITIVE", List.of(person(NAME), person(NAME, AGE_WITH_DEFAULT)),
                        person(NAME, AGE_WITH_DEFAULT, NICK_WITH_DEFAULT)),
                refused("FULL_TRANSITIVE", List.of(person(NAME), person(NAME, AGE_WITH_DEFAULT)),
                        person(NAME, AGE), "READER_FIELD_MISSING_DEFAULT_VALUE"),
                refused("FULL_TRANSITIVE", List.of(person(NAME)), person(NAME_AS_INT), "TYPE_MISMATCH"));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("cases")
    void registrationFollowsTheSubjectsLevel(String level, List<String> history, String candidate,
                                             boolean accepted, String reason) {
        String subject = "level-" + SUBJECTS.incrementAndGet() + "-value";
        assertThat(http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}").status()).isEqualTo(200);
        for (String earlier : history) {
            http.register(subject, earlier);
        }

        Response check = http.post("/compatibility/subjects/" + subject + "/versions?verbose=true", schemaBody(candidate));
        assertThat(check.json().get("is_compatible").asBoolean()).as(check.toString()).isEqualTo(accepted);

        Response registration = http.post("/subjects/" + subject + "/versions", schemaBody(candidate));
        if (accepted) {
            assertThat(registration.status()).as(registration.toString()).isEqualTo(200);
            assertThat(http.get("/subjects/" + subject + "/versions").json().size()).isEqualTo(history.size() + 1);
        } else {
            assertThat(registration.status()).as(registration.toString()).isEqualTo(409);
            assertThat(registration.errorCode()).isEqualTo(409);
            assertThat(registration.message()).contains(reason);
            assertThat(check.json().get("messages").toString()).contains(reason);
            assertThat(http.get("/subjects/" + subject + "/versions").json().size()).isEqualTo(history.size());
        }
    }

    @Test
    void withoutASubjectLevelTheDefaultIsBackwardTransitive() {
        String subject = "default-level-value";
        http.register(subject, person(NAME));
        http.register(subject, person(NAME, AGE_WITH_DEFAULT));
        // Compatible with the latest version but not the first: refused only because the default is transitive.
        Response refused = http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME, AGE)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.message()).contains("BACKWARD_TRANSITIVE").contains("oldSchemaVersion: 1");
    }

    @Test
    void softDeletedVersionsNoLongerCountForTransitiveChecks() {
        String subject = "deleted-history-value";
        http.register(subject, person(NAME));
        http.register(subject, person(NAME, AGE_WITH_DEFAULT));
        assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME, AGE))).status()).isEqualTo(409);

        http.delete("/subjects/" + subject + "/versions/1");
        assertThat(http.post("/subjects/" + subject + "/versions", schemaBody(person(NAME, AGE))).status()).isEqualTo(200);
    }

    private static Arguments accepted(String level, List<String> history, String candidate) {
        return Arguments.of(level, history, candidate, true, null);
    }

    private static Arguments refused(String level, List<String> history, String candidate, String reason) {
        return Arguments.of(level, history, candidate, false, reason);
    }
}
