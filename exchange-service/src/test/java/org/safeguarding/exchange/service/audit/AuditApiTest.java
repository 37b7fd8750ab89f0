package org.safeguarding.exchange.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.MessageBytes;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * The auditor API and its access control over a register written directly (hash-chained, past the policy), with a
 * user per role: what each role may call, what it sees, and that every read is in the access log.
 */
class AuditApiTest extends ExchangeServiceTest {

    private static final String SCHOOL = "SCH-OAKFIELD";
    private static final String COUNCIL = "LA-HULL";
    private static final String POLICE = "POL-HUMBERSIDE";
    private static final String WITHHELD = "Disclosure would prejudice a police investigation";

    @Autowired
    private SharingRegister register;
    @Autowired
    private SchemaRegistryClient registry;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** A case involving the school, the council and the police. */
    private final String caseA = "CASE-A-" + run;
    /** A case between the school and the council only. */
    private final String caseB = "CASE-B-" + run;
    private final String amy = "PERSON-AMY-" + run;
    private final String requestA = "REQ-A-" + run;

    @BeforeAll
    void writeRegister() {
        record(RegisterRows.request(caseA, requestA, SCHOOL, COUNCIL),
                RegisterRows.consentOutcome(caseA, requestA, COUNCIL, SCHOOL, amy),
                RegisterRows.decision(caseA, requestA, COUNCIL, SCHOOL, "SHARE_PARTIAL", "CONFIRMED"),
                RegisterRows.hazard(caseA, POLICE, List.of(SCHOOL, COUNCIL), "PERSON-MARK-" + run, amy),
                RegisterRows.decision(caseA, null, POLICE, COUNCIL, "SHARE", null).withheldFromSubject(WITHHELD),
                RegisterRows.request(caseB, "REQ-B-" + run, SCHOOL, COUNCIL).requester("Jo O'Brien, \"Deputy\" DSL"),
                RegisterRows.decision(caseB, "REQ-B-" + run, COUNCIL, SCHOOL, "DECLINE", "CONFIRMED").consent("REFUSED",
                        "Consent refused; no risk of significant harm"));
    }

    private void record(RegisterRows... rows) {
        List<NewEntry> batch = new ArrayList<>();
        for (RegisterRows row : rows) {
            batch.add(row.build(new MessageBytes(registry)));
        }
        register.record(batch);
    }

    private static int status(RestClient client, String path) {
        return client.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("entries");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> search(String user, java.util.function.Function<UriBuilder, UriBuilder> filters) {
        return http(user).get().uri(b -> filters.apply(b.path("/api/audit/entries")).build()).retrieve().body(Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessLog(String caseReference) {
        Map<String, Object> page = http(TestUsers.AUDITOR).get().uri(b -> b.path("/api/audit/access-log")
                .queryParam("caseReference", caseReference).build()).retrieve().body(Map.class);
        return (List<Map<String, Object>>) page.get("accesses");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessLogOf(String principal) {
        Map<String, Object> page = http(TestUsers.AUDITOR).get().uri(b -> b.path("/api/audit/access-log")
                .queryParam("principal", principal).build()).retrieve().body(Map.class);
        return (List<Map<String, Object>>) page.get("accesses");
    }

    private long registerSize() {
        return jdbc().queryForObject("select count(*) from register_entry", Long.class);
    }

    @Test
    void withoutCredentialsTheRegisterAnswers401ButTheOpenEndpointsAnswer() {
        for (String path : List.of("/api/audit/entries", "/api/register/entries", "/api/register/verify",
                "/api/audit/cases/" + caseA + "/timeline", "/api/audit/export/entries.csv", "/api/audit/access-log", "/actuator/prometheus")) {
            assertThat(status(anonymousHttp(), path)).as(path).isEqualTo(401);
        }
        RestClient wrongPassword = RestClient.builder().baseUrl(httpUrl()).defaultHeaders(h -> h.setBasicAuth(TestUsers.AUDITOR, "guess")).build();
        assertThat(status(wrongPassword, "/api/audit/entries")).isEqualTo(401);

        assertThat(status(anonymousHttp(), "/registry/subjects")).isEqualTo(200);
        assertThat(status(anonymousHttp(), "/actuator/health")).isEqualTo(200);
        assertThat(status(anonymousHttp(), "/api/exchange/connection")).isEqualTo(200);
        assertThat(anonymousHttp().get().uri("/v3/api-docs").retrieve().body(String.class))
                .contains("/api/audit/entries", "/api/audit/cases/{caseReference}/timeline", "/api/audit/export/entries.csv",
                        "/api/audit/subject-access", "/api/audit/compliance", "/api/audit/access-log");
        assertThat(status(anonymousHttp(), "/swagger-ui/index.html")).isEqualTo(200);
        assertThat(status(http(TestUsers.SCHOOL), "/api/no-such-thing")).as("deny by default").isEqualTo(403);
    }

    @Test
    void eachRoleReachesOnlyItsEndpoints() {
        assertThat(status(http(TestUsers.HUB), "/actuator/prometheus")).isEqualTo(200);
        assertThat(status(http(TestUsers.ADMIN), "/actuator/prometheus")).isEqualTo(200);
        assertThat(status(http(TestUsers.SCHOOL), "/actuator/prometheus")).isEqualTo(403);
        assertThat(status(http(TestUsers.ADMIN), "/api/audit/entries")).as("operators read no child's records").isEqualTo(403);
        assertThat(status(http(TestUsers.HUB), "/api/audit/export/entries.csv")).isEqualTo(403);
        assertThat(status(http(TestUsers.HUB), "/api/audit/access-log")).isEqualTo(403);
        assertThat(status(http(TestUsers.HUB), "/api/audit/compliance")).isEqualTo(200);
        assertThat(status(http(TestUsers.SCHOOL), "/api/audit/compliance")).isEqualTo(403);
        assertThat(status(http(TestUsers.SCHOOL), "/api/audit/subject-access?caseReference=" + caseA)).isEqualTo(403);
        assertThat(status(http(TestUsers.SCHOOL), "/api/register/verify")).isEqualTo(403);
        assertThat(status(http(TestUsers.HUB), "/api/lifecycle/anything")).as("allowed by role; nothing is there yet").isEqualTo(404);
    }

    @Test
    void anAgencyAskingForACaseItIsNoPartyToIsRefusedAndTheRefusalIsLogged() {
        assertThat(status(http(TestUsers.POLICE), "/api/audit/cases/" + caseB + "/timeline")).isEqualTo(403);
        assertThat(accessLog(caseB)).anySatisfy(access -> {
            assertThat(access).containsEntry("principal", TestUsers.POLICE).containsEntry("agency", POLICE)
                    .containsEntry("outcome", "REFUSED").containsEntry("action", "timeline").containsEntry("caseReference", caseB);
            assertThat((String) access.get("reason")).contains("party to no entry");
        });
        assertThat(status(http(TestUsers.POLICE), "/api/audit/cases/" + caseA + "/timeline")).isEqualTo(200);
    }

    @Test
    void aRefusalByRoleIsLoggedToo() {
        assertThat(status(http(TestUsers.SCHOOL), "/api/audit/export/entries.csv?caseReference=" + caseA)).isEqualTo(403);
        List<Map<String, Object>> refusals = jdbc().queryForList(
                "select principal, action, outcome from access_log where principal = ? and outcome = 'REFUSED'", TestUsers.SCHOOL);
        assertThat(refusals).anySatisfy(r -> assertThat(r.get("action")).isEqualTo("GET /api/audit/export/entries.csv"));
    }

    @Test
    void anAgencySeesOnlyTheEntriesItSentOrReceived() {
        List<Map<String, Object>> police = entries(search(TestUsers.POLICE, b -> b.queryParam("limit", 500)));
        assertThat(police).isNotEmpty().allSatisfy(e -> assertThat(involves(e, POLICE)).as(e.toString()).isTrue());
        assertThat(police).extracting(e -> e.get("caseReference")).doesNotContain(caseB);
        assertThat(police).extracting(e -> e.get("recordType")).contains("HazardNotification");

        List<Map<String, Object>> school = entries(search(TestUsers.SCHOOL, b -> b.queryParam("caseReference", caseA)));
        assertThat(school).hasSize(4).allSatisfy(e -> assertThat(involves(e, SCHOOL)).isTrue());
        assertThat(school).allSatisfy(e -> assertThat(e.get("message")).as("an agency reads its own messages").isNotNull());

        List<Map<String, Object>> register = entries(http(TestUsers.POLICE).get().uri("/api/register/entries?caseReference=" + caseB)
                .retrieve().body(Map.class));
        assertThat(register).as("the contract's endpoint applies the same rule").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static boolean involves(Map<String, Object> entry, String agency) {
        return agency.equals(entry.get("sendingAgency")) || ((List<String>) entry.get("recipientAgencies")).contains(agency);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHubGetsMetadataWithoutMessageBodies() {
        List<Map<String, Object>> hub = entries(search(TestUsers.HUB, b -> b.queryParam("caseReference", caseA)));
        assertThat(hub).hasSize(5).allSatisfy(e -> {
            assertThat(e.get("message")).isNull();
            assertThat(e.get("entryHash")).isNotNull();
            assertThat(e.get("recordType")).isNotNull();
        });
        Map<String, Object> timeline = http(TestUsers.HUB).get().uri("/api/audit/cases/" + caseA + "/timeline").retrieve().body(Map.class);
        assertThat(timeline.toString()).doesNotContain("frightened").doesNotContain(WITHHELD);
        assertThat(http(TestUsers.HUB).get().uri("/api/register/entries?caseReference=" + caseA).retrieve().body(String.class))
                .doesNotContain("frightened");

        List<Map<String, Object>> auditor = entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA)));
        assertThat(auditor).hasSize(5).allSatisfy(e -> assertThat(e.get("message")).isNotNull());
        assertThat(auditor.toString()).contains("frightened");
    }

    @Test
    void everyFilterNarrowsTheSearch() {
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA).queryParam("type", "ShareDecision"))))
                .hasSize(2);
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA).queryParam("decision", "SHARE_PARTIAL"))))
                .singleElement().satisfies(e -> assertThat(e.get("requestId")).isEqualTo(requestA));
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("requester", "PRIYA SHAH").queryParam("caseReference", caseA))))
                .singleElement().satisfies(e -> assertThat(e.get("recordType")).isEqualTo("ShareRequest"));
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseB).queryParam("consentStatus", "REFUSED"))))
                .singleElement().satisfies(e -> assertThat(e.get("decision")).isEqualTo("DECLINE"));
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA).queryParam("agency", POLICE)))).hasSize(2);
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA).queryParam("lateOnly", true)))).isEmpty();
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA).queryParam("from", later.toString())))).isEmpty();
        assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA).queryParam("to", later.toString())))).hasSize(5);
    }

    @Test
    void keysetPagesStayStableWhileEntriesArrive() {
        String caseC = "CASE-C-" + run;
        for (int i = 0; i < 7; i++) {
            record(RegisterRows.request(caseC, "REQ-C-" + run + "-" + i, SCHOOL, COUNCIL));
        }
        List<Object> original = entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseC).queryParam("limit", 100)))
                .stream().map(e -> e.get("sequence")).toList();
        List<Object> seen = new ArrayList<>();
        Map<String, Object> page = search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseC).queryParam("limit", 3));
        entries(page).forEach(e -> seen.add(e.get("sequence")));
        for (int i = 0; i < 5; i++) {
            record(RegisterRows.request(caseC, "REQ-C-" + run + "-new-" + i, SCHOOL, COUNCIL));
        }
        while (page.get("nextBefore") != null) {
            Object before = page.get("nextBefore");
            page = search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseC).queryParam("limit", 3).queryParam("before", before));
            entries(page).forEach(e -> seen.add(e.get("sequence")));
        }
        assertThat(seen).as("every entry exactly once, newest first, none of the newcomers").containsExactlyElementsOf(original);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseTimelineLinksEachRequestToItsConsentOutcomesAndDecisions() {
        Map<String, Object> timeline = http().get().uri("/api/audit/cases/" + caseA + "/timeline").retrieve().body(Map.class);
        assertThat(timeline).containsEntry("entries", 5);
        List<Map<String, Object>> requests = (List<Map<String, Object>>) timeline.get("requests");
        assertThat(requests).singleElement().satisfies(thread -> {
            assertThat(thread).containsEntry("requestId", requestA);
            assertThat((List<?>) thread.get("requests")).hasSize(1);
            assertThat((List<?>) thread.get("consentOutcomes")).hasSize(1);
            assertThat((List<?>) thread.get("decisions")).hasSize(1);
        });
        assertThat((List<Map<String, Object>>) timeline.get("notLinkedToARequest")).extracting(e -> e.get("recordType"))
                .containsExactly("HazardNotification", "ShareDecision");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEntrysDetailShowsItsRequestAndLinksToItsInclusionProof() {
        Map<String, Object> decision = entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA)
                .queryParam("decision", "SHARE_PARTIAL"))).get(0);
        Object sequence = decision.get("sequence");
        Map<String, Object> detail = http().get().uri("/api/audit/entries/" + sequence).retrieve().body(Map.class);
        assertThat((List<Map<String, Object>>) detail.get("sameRequest")).extracting(e -> e.get("recordType"))
                .containsExactly("ShareRequest", "ConsentOutcome");
        assertThat((Map<String, Object>) detail.get("links")).containsEntry("inclusionProof", "/api/register/proofs/inclusion?sequence=" + sequence);

        Map<String, Object> withheld = entries(search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseA)
                .queryParam("agency", POLICE).queryParam("type", "ShareDecision"))).get(0);
        assertThat(status(http(TestUsers.SCHOOL), "/api/audit/entries/" + withheld.get("sequence"))).isEqualTo(403);
        assertThat(status(http(TestUsers.COUNCIL), "/api/audit/entries/" + withheld.get("sequence"))).isEqualTo(200);
        assertThat(status(http(), "/api/audit/entries/999999999")).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSubjectAccessExportLeavesOutWithheldEntriesAndSaysWhy() {
        Map<String, Object> byCase = http().get().uri("/api/audit/subject-access?caseReference=" + caseA).retrieve().body(Map.class);
        assertThat(byCase).containsEntry("disclosedCount", 4);
        assertThat((List<Map<String, Object>>) byCase.get("disclosed")).noneSatisfy(e -> assertThat(e.get("decision")).isEqualTo("SHARE"));
        Map<String, Object> withheld = (Map<String, Object>) byCase.get("withheld");
        assertThat(withheld).containsEntry("count", 1);
        assertThat((Map<String, Object>) withheld.get("grounds")).containsEntry(WITHHELD, 1);
        assertThat((String) withheld.get("basis")).contains("Derby section 2");

        Map<String, Object> byPerson = http().get().uri("/api/audit/subject-access?personReference=" + amy).retrieve().body(Map.class);
        assertThat((List<Map<String, Object>>) byPerson.get("disclosed")).extracting(e -> e.get("recordType"))
                .containsExactlyInAnyOrder("ConsentOutcome", "HazardNotification");
        assertThat(status(http(), "/api/audit/subject-access")).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theComplianceReportFindsWhatSlippedPastThePolicy() {
        String caseD = "CASE-D-" + run;
        record(RegisterRows.request(caseD, "REQ-D-OLD-" + run, SCHOOL, COUNCIL).occurredAt(Instant.now().minus(30, ChronoUnit.DAYS)),
                RegisterRows.request(caseD, "REQ-D-ANSWERED-" + run, SCHOOL, COUNCIL).occurredAt(Instant.now().minus(30, ChronoUnit.DAYS)),
                RegisterRows.decision(caseD, "REQ-D-ANSWERED-" + run, COUNCIL, SCHOOL, "DECLINE", "CONFIRMED"),
                RegisterRows.request(caseD, "REQ-D-UNCHECKED-" + run, SCHOOL, COUNCIL),
                RegisterRows.decision(caseD, "REQ-D-UNCHECKED-" + run, COUNCIL, SCHOOL, "SHARE", "NOT_CONFIRMED"),
                RegisterRows.decision(caseD, null, POLICE, SCHOOL, "SHARE", null).consent("NOT_SOUGHT", "  "),
                RegisterRows.request(caseD, "REQ-D-LATE-" + run, SCHOOL, COUNCIL).late());

        Map<String, Object> report = http().get().uri("/api/audit/compliance?undecidedAfterDays=10").retrieve().body(Map.class);
        Map<String, List<Map<String, Object>>> found = new java.util.HashMap<>();
        for (Map<String, Object> finding : (List<Map<String, Object>>) report.get("findings")) {
            found.put((String) finding.get("check"), ((List<Map<String, Object>>) finding.get("entries")).stream()
                    .filter(e -> caseD.equals(e.get("caseReference"))).toList());
        }
        assertThat(found.get("requestsWithoutDecision")).extracting(e -> e.get("requestId")).containsExactly("REQ-D-OLD-" + run);
        assertThat(found.get("sharedWithoutConfirmedIdentity")).extracting(e -> e.get("requestId")).containsExactly("REQ-D-UNCHECKED-" + run);
        assertThat(found.get("withoutConsentOrReason")).singleElement().satisfies(e -> assertThat(e.get("sendingAgency")).isEqualTo(POLICE));
        assertThat(found.get("lateEntries")).extracting(e -> e.get("requestId")).containsExactly("REQ-D-LATE-" + run);

        Map<String, Object> lenient = http().get().uri("/api/audit/compliance?undecidedAfterDays=60").retrieve().body(Map.class);
        assertThat(lenient.toString()).doesNotContain("REQ-D-OLD-" + run);
    }

    @Test
    void sqlInjectionInEveryFilterIsHarmless() {
        long before = registerSize();
        List<String> attacks = List.of("' or '1'='1", "x'; drop table register_entry; --", "1) or (1=1", "\" or \"\"=\"",
                "' union select null, version() --", caseA + "' or 'a'='a", "%' or case_reference like '%");
        for (String attack : attacks) {
            for (String filter : List.of("caseReference", "agency", "requester", "type", "decision", "consentStatus")) {
                assertThat(entries(search(TestUsers.AUDITOR, b -> b.queryParam(filter, attack)))).as(filter + " = " + attack).isEmpty();
            }
            assertThat(entries(search(TestUsers.POLICE, b -> b.queryParam("agency", attack)))).isEmpty();
            assertThat(status(http(), "/api/audit/entries?before=" + java.net.URLEncoder.encode(attack, java.nio.charset.StandardCharsets.UTF_8)))
                    .isEqualTo(400);
            assertThat(http().get().uri(b -> b.path("/api/audit/subject-access").queryParam("caseReference", attack)
                    .queryParam("personReference", attack).build()).retrieve().body(String.class)).contains("\"disclosedCount\":0");
            assertThat(accessLog(attack)).isNotEmpty().allSatisfy(a -> assertThat(a.get("caseReference")).isIn(attack, null));
        }
        assertThat(registerSize()).isEqualTo(before);
        assertThat(http().get().uri("/api/register/verify").retrieve().body(String.class)).contains("\"intact\":true");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAccessLogRecordsWhoReadWhatWithRowCountsAndCannotBeChanged() {
        String caseE = "CASE-E-" + run;
        record(RegisterRows.request(caseE, "REQ-E-" + run, SCHOOL, COUNCIL),
                RegisterRows.decision(caseE, "REQ-E-" + run, COUNCIL, SCHOOL, "SHARE", "CONFIRMED"));
        search(TestUsers.AUDITOR, b -> b.queryParam("caseReference", caseE));
        search(TestUsers.COUNCIL, b -> b.queryParam("requester", "Priya Shah").queryParam("limit", 500));
        http(TestUsers.HUB).get().uri("/api/audit/cases/" + caseE + "/timeline").retrieve().body(Map.class);

        List<Map<String, Object>> accesses = accessLog(caseE);
        assertThat(accesses).anySatisfy(a -> {
            assertThat(a).containsEntry("principal", TestUsers.AUDITOR).containsEntry("action", "search")
                    .containsEntry("rowCount", 2).containsEntry("outcome", "ALLOWED").containsEntry("caseReference", caseE);
            assertThat((Map<String, Object>) a.get("query")).containsEntry("caseReference", caseE);
            assertThat(a.get("accessedAt")).isNotNull();
        });
        assertThat(accesses).as("a search that did not name the case but returned its entries").anySatisfy(a -> {
            assertThat(a).containsEntry("principal", TestUsers.COUNCIL).containsEntry("agency", COUNCIL).containsEntry("action", "search");
            assertThat((List<String>) a.get("caseReferences")).contains(caseE);
            assertThat(((Number) a.get("rowCount")).intValue()).isGreaterThanOrEqualTo(1);
        });
        assertThat(accesses).anySatisfy(a -> assertThat(a).containsEntry("principal", TestUsers.HUB).containsEntry("action", "timeline")
                .containsEntry("rowCount", 2));
        assertThat(accessLog("CASE-NEVER-READ-" + run)).noneSatisfy(a -> assertThat(a.get("caseReference")).isNotNull());

        assertThatThrownBy(() -> jdbc().update("update access_log set principal = 'nobody'")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().update("delete from access_log")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().execute("truncate access_log")).rootCause().hasMessageContaining("append-only");
    }

    @Test
    void theCsvExportQuotesWhatNeedsQuoting() {
        String csv = http().get().uri("/api/audit/export/entries.csv?caseReference=" + caseB).retrieve().body(String.class);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("sequence,receivedAt,outcome,recordType,caseReference");
        assertThat(csv).contains(",\"Jo O'Brien, \"\"Deputy\"\" DSL\",");
        assertThat(lines).hasSize(3);
        assertThat(new HashSet<>(accessLog(caseB).stream().map(a -> a.get("action")).toList())).contains("export");
    }

    @Test
    void theVerifiableExportIsForAuditorsAndIsLoggedAsABulkReadOfEveryEntry() {
        assertThat(status(http(TestUsers.HUB), "/api/register/export")).as("hubs see no message bodies").isEqualTo(403);
        assertThat(status(http(TestUsers.SCHOOL), "/api/register/export")).as("agencies see only their own entries").isEqualTo(403);
        String jsonl = http().get().uri("/api/register/export").retrieve().body(String.class);
        long lines = jsonl.lines().count();
        assertThat(lines).isEqualTo(registerSize());
        assertThat(accessLog(caseB)).as("a bulk read, which may have included the case").anySatisfy(a ->
                assertThat(a).containsEntry("action", "verifiable-export").containsEntry("principal", TestUsers.AUDITOR)
                        .containsEntry("rowCount", (int) lines).containsEntry("caseReferences", null));
    }

    @Test
    void readsOfAChildsConsentAndHazardsAreLoggedToo() {
        http(TestUsers.HUB).get().uri("/api/lifecycle/cases/" + caseA + "/consent").retrieve().toBodilessEntity();
        http(TestUsers.HUB).get().uri("/api/lifecycle/children/PERSON-LOGGED-" + run + "/hazards").retrieve().toBodilessEntity();

        assertThat(accessLog(caseA)).anySatisfy(a -> assertThat(a).containsEntry("principal", TestUsers.HUB)
                .containsEntry("action", "GET /api/lifecycle/cases/{caseReference}/consent").containsEntry("caseReference", caseA)
                .containsEntry("outcome", "ALLOWED"));
        assertThat(accessLogOf(TestUsers.HUB)).anySatisfy(a -> assertThat(a)
                .containsEntry("action", "GET /api/lifecycle/children/{personReference}/hazards")
                .extracting(e -> e.get("query")).asString().contains("PERSON-LOGGED-" + run));
    }
}
