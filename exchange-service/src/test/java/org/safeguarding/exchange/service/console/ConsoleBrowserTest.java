package org.safeguarding.exchange.service.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import exchange.v1.ConsentOutcome;
import exchange.v1.HazardAction;
import exchange.v1.ReceiptStatus;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.safeguarding.exchange.service.replay.DeadLetterReplays;
import org.safeguarding.exchange.service.replay.ReplayRefused;
import org.safeguarding.exchange.service.security.Caller;
import org.safeguarding.exchange.service.security.Role;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.LifecycleRecords;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The console in the system Chromium: what a hub and an auditor do, with axe-core run on every page and a screenshot of
 * each kept under target/console-screenshots/. Skipped, saying so, where Chromium is not installed (CI installs it).
 */
// Reminders of the sample requests' deadlines would reach inboxes while a test counts what is unread in them.
@TestPropertySource(properties = {"exchange.checkpoints.every-seconds=1", "exchange.console.refresh=PT1S", "exchange.reminders.interval=PT1H"})
class ConsoleBrowserTest extends ExchangeServiceTest {

    private static final String WITHOUT_BROWSER = "without-browser";

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(WAIT.toMillis());

    @Autowired
    private DeadLetterReplays replays;

    private ConsoleBrowser browser;
    private TestAgency school;
    private TestAgency council;
    private TestAgency police;

    @BeforeAll
    void agencies() {
        school = agency(SampleRecords.SCHOOL);
        council = agency(SampleRecords.COUNCIL);
        police = agency(SampleRecords.POLICE);
    }

    @BeforeEach
    void chromium(TestInfo test) {
        if (test.getTags().contains(WITHOUT_BROWSER)) {
            return;
        }
        assumeTrue(ConsoleBrowser.available(), "No Chromium at " + ConsoleBrowser.CHROMIUM
                + ": the console's browser tests are skipped (apt-get install chromium; .ci/run does)");
        if (browser == null) {
            browser = new ConsoleBrowser(httpUrl());
        }
    }

    @Test
    @Tag(WITHOUT_BROWSER)
    void nobodyApprovesTheirOwnReplayAndARequestIsDecidedOnce() {
        String messageId = UUID.randomUUID().toString();
        school.sendRaw("exchange.share-requests", "CASE-OWN", new byte[] {0, 0x7f, 0, 0, 1, 2}, messageId, SampleRecords.SCHOOL);
        assertThat(school.receipt(messageId, WAIT).getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        long deadLetter = jdbc().queryForObject("select sequence from register_entry where message_id = ?", Long.class, messageId);
        Caller hub = new Caller(TestUsers.HUB, Set.of(Role.HUB), null);
        Caller auditor = new Caller(TestUsers.AUDITOR, Set.of(Role.AUDITOR), null);

        String replayId = replays.request(deadLetter, hub, "The sender says its registry was misconfigured");
        assertThatThrownBy(() -> replays.decide(replayId, hub, true, "mine")).isInstanceOf(ReplayRefused.class)
                .hasMessageContaining("a second person must approve or refuse it");
        assertThat(replays.find(replayId)).hasValueSatisfying(replay -> assertThat(replay.pending()).isTrue());
        assertThatThrownBy(() -> replays.decide(replayId, auditor, true, " ")).isInstanceOf(ReplayRefused.class).hasMessage("Say why");

        replays.decide(replayId, auditor, false, "The schema is still missing: it would fail again");
        assertThat(replays.find(replayId)).hasValueSatisfying(replay -> {
            assertThat(replay.decision()).isEqualTo("REFUSED");
            assertThat(replay.decidedBy()).isEqualTo(TestUsers.AUDITOR);
            assertThat(replay.replayedAs()).isNull();
        });
        Caller another = new Caller("second-auditor", Set.of(Role.AUDITOR), null);
        assertThatThrownBy(() -> replays.decide(replayId, another, true, "Overruling")).isInstanceOf(ReplayRefused.class)
                .hasMessageContaining("refused already");
        assertThat(replays.approved(replayId)).isEmpty();
    }

    @Test
    @Tag(WITHOUT_BROWSER)
    void theConsoleKeepsASessionWithCsrfWhileTheApiStaysStateless() {
        RestClient client = RestClient.builder().baseUrl(httpUrl()).build();
        // A login form posted from another site carries no token: refused before any password is checked.
        int forged = client.post().uri("/console/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + TestUsers.HUB + "&password=" + TestUsers.password(TestUsers.HUB))
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(forged).isEqualTo(403);
        // The API answers Basic credentials with no session to steal, and the console's pages send no credentials prompt.
        var api = http(TestUsers.HUB).get().uri("/api/audit/entries").retrieve().toBodilessEntity();
        assertThat(api.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        int page = client.get().uri("/console/hub").exchange((request, response) -> {
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isNull();
            assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
            return response.getStatusCode().value();
        });
        // To the login page (a redirect, which the client may follow), never a Basic challenge.
        assertThat(page).isIn(200, 302);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aHubWatchesAMessageArriveWithoutReloading() {
        Page hub = browser.signIn(TestUsers.HUB, TestUsers.password(TestUsers.HUB));
        assertThat(hub).hasURL(browser.url("/console/hub"));
        ConsoleBrowser.checkAndKeep(hub, "hub");
        hub.evaluate("window.notReloaded = true");
        Locator accepted = hub.locator("#per-sender tr[data-sender='SCH-OAKFIELD'] td").first();
        long before = accepted.count() == 0 ? 0 : Long.parseLong(accepted.textContent().strip());

        String caseReference = "CASE-LIVE-" + UUID.randomUUID();
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        request.setRequestId("REQ-LIVE-" + UUID.randomUUID());
        accepted(school, school.send("exchange.share-requests", caseReference, request));

        assertThat(accepted).hasText(String.valueOf(before + 1), LIVE);
        assertThat(hub.evaluate("window.notReloaded === true")).isEqualTo(true);
        // Counts only: no practitioner's or child's name reaches a hub's page.
        assertThat(hub.content()).doesNotContain(request.getRequester().getName()).doesNotContain(caseReference);
        ConsoleBrowser.checkAndKeep(hub, "hub-live");
    }

    @Test
    void aHubSeesAnAgencysUnreadInboxRiseAndFallWithTheUnreadHazardMarked() {
        readWholeInbox(SampleRecords.COUNCIL);
        Page hub = browser.signIn(TestUsers.HUB, TestUsers.password(TestUsers.HUB));
        Locator council = hub.locator("#inboxes tr[data-agency='LA-HULL']");
        assertThat(council.locator(".console-unread")).hasText("0", LIVE);

        String adultCase = "CASE-ADULT-" + UUID.randomUUID();
        accepted(police, police.send("exchange.hazard-notifications", adultCase, LifecycleRecords.hazard("HAZ-" + UUID.randomUUID(),
                HazardAction.RAISED, adultCase, List.of("CHILD-" + UUID.randomUUID()), List.of(SampleRecords.COUNCIL))));

        assertThat(council.locator(".console-unread")).hasText("1", LIVE);
        assertThat(council.locator(".console-hazard-tag")).hasText("Unread hazard: 1", LIVE);
        ConsoleBrowser.checkAndKeep(hub, "hub-unread-hazard");

        readWholeInbox(SampleRecords.COUNCIL);
        assertThat(council.locator(".console-unread")).hasText("0", LIVE);
        assertThat(council.locator(".console-hazard-tag")).hasCount(0);
    }

    @Test
    void anAuditorStatesAReasonOpensACaseFollowsItsChainAndChecksAProofInThePage() {
        String caseReference = "CASE-CHAIN-" + UUID.randomUUID();
        String requestId = "REQ-CHAIN-" + UUID.randomUUID();
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        request.setRequestId(requestId);
        accepted(school, school.send("exchange.share-requests", caseReference, request));
        ConsentOutcome consent = SampleRecords.consentOutcome();
        consent.setCaseReference(caseReference);
        consent.setRequestId(requestId);
        consent.setConsentId("CON-" + UUID.randomUUID());
        accepted(council, council.send("exchange.consent-outcomes", caseReference, consent));
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setCaseReference(caseReference);
        decision.setRequestId(requestId);
        decision.setDecisionId("DEC-" + UUID.randomUUID());
        accepted(council, council.send("exchange.share-decisions", caseReference, decision));
        accepted(police, police.send("exchange.hazard-notifications", caseReference, LifecycleRecords.hazard("HAZ-" + UUID.randomUUID(),
                HazardAction.RAISED, caseReference, List.of("CHILD-" + UUID.randomUUID()), List.of(SampleRecords.SCHOOL))));

        Page auditor = browser.signIn(TestUsers.AUDITOR, TestUsers.password(TestUsers.AUDITOR));
        assertThat(auditor).hasURL(browser.url("/console/auditor"));
        auditor.getByLabel("Case reference").fill(caseReference);
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(auditor.locator("#results tbody tr")).hasCount(4);
        ConsoleBrowser.checkAndKeep(auditor, "auditor-search");

        auditor.locator("#results a", new Page.LocatorOptions().setHasText(caseReference)).first().click();
        assertThat(auditor.locator("h1")).containsText("Why do you need to open case " + caseReference);
        assertThat(auditor.locator("#case-chain")).hasCount(0);
        ConsoleBrowser.checkAndKeep(auditor, "reason-prompt");
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the records")).click();
        assertThat(auditor.locator(".govuk-error-summary")).containsText("Choose why you need to open these records");
        ConsoleBrowser.checkAndKeep(auditor, "reason-missing");

        String why = "Quarterly audit of sharing with schools, ticket AUD-" + UUID.randomUUID().toString().substring(0, 8);
        auditor.getByLabel("Audit of how information was shared").check();
        auditor.getByLabel("In your own words (needed for another reason)").fill(why);
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open the records")).click();
        assertThat(auditor.locator("#case-chain")).isVisible();
        assertThat(auditor.locator("#case-chain a")).hasCount(4);
        assertThat(auditor.locator("#case-chain path.console-chain__edge")).hasCount(2);
        assertThat(auditor.locator("#stated-reason")).containsText(why);
        ConsoleBrowser.checkAndKeep(auditor, "case-chain");

        // Follow the chain from the request to its decision, with the keyboard.
        Locator decisionBox = auditor.locator("#case-chain a", new Page.LocatorOptions().setHasText("ShareDecision"));
        decisionBox.focus();
        auditor.keyboard().press("Enter");
        assertThat(auditor.locator("h1")).containsText("Register entry");
        assertThat(auditor.locator("#message")).containsText(decision.getDecisionId().toString());
        assertThat(auditor.locator("#signature-status")).containsText("Signed by LA-HULL");

        // Checkpoints are signed every second here: the entry is soon in one.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (auditor.locator("#check-proof").count() == 0 && System.nanoTime() < deadline) {
            auditor.waitForTimeout(500);
            auditor.reload();
        }
        auditor.locator("#check-proof").click();
        assertThat(auditor.locator("#proof-verdict")).hasText("The proof holds: this entry is in the signed register, unchanged.", LIVE);
        ConsoleBrowser.checkAndKeep(auditor, "entry-proof");

        auditor.navigate(browser.url("/console/auditor/access-log?case=" + caseReference));
        assertThat(auditor.locator("#access-log")).containsText(why);
        assertThat(auditor.locator("#access-log")).containsText("timeline");
        ConsoleBrowser.checkAndKeep(auditor, "access-log");
    }

    @Test
    void pagesOfAnotherRoleAreRefusedAndHubsSeeDeadLettersWithoutTheirBytes() {
        String secret = "Child Amy Example, born 2014";
        school.sendRaw("exchange.share-requests", "CASE-DEAD", ("not avro: " + secret).getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString(), SampleRecords.SCHOOL);

        Page hub = browser.signIn(TestUsers.HUB, TestUsers.password(TestUsers.HUB));
        Response refused = hub.navigate(browser.url("/console/auditor"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(hub.locator("h1")).hasText("You cannot see this page");
        ConsoleBrowser.checkAndKeep(hub, "refused");

        long deadline = System.nanoTime() + WAIT.toNanos();
        do {
            hub.navigate(browser.url("/console/dead-letters"));
        } while (hub.locator("#dead-letters td", new Page.LocatorOptions().setHasText("SCH-OAKFIELD")).count() == 0
                && System.nanoTime() < deadline);
        assertThat(hub.locator("#dead-letters")).containsText("SCH-OAKFIELD");
        assertThat(hub.content()).doesNotContain(secret);
        ConsoleBrowser.checkAndKeep(hub, "dead-letters");

        Page auditor = browser.signIn(TestUsers.AUDITOR, TestUsers.password(TestUsers.AUDITOR));
        assertThat(auditor.navigate(browser.url("/console/hub")).status()).isEqualTo(403);

        Page stranger = browser.anonymous();
        stranger.navigate(browser.url("/console/hub"));
        assertThat(stranger).hasURL(browser.url("/console/login"));
        ConsoleBrowser.checkAndKeep(stranger, "login");
        stranger.getByLabel("User name").fill(TestUsers.HUB);
        stranger.getByLabel("Password").fill("not the password");
        stranger.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(stranger.locator(".govuk-error-summary")).containsText("The user name or password is not right");
        ConsoleBrowser.checkAndKeep(stranger, "login-failed");
    }

    /**
     * A message that failed only because its schema was missing from the registry: a hub asks to replay it, cannot approve
     * its own request, an auditor approves, and the very bytes go through intake and the policy again, accepted now.
     */
    @Test
    void aDeadLetterIsReplayedOnlyWithASecondPersonsApprovalAndBothActsAreInTheRegister() {
        String caseReference = "CASE-REPLAY-" + UUID.randomUUID();
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        request.setRequestId("REQ-REPLAY-" + UUID.randomUUID());
        // The same request under a newer version of its schema (one more optional field, written as its null branch),
        // naming the id the registry will give that version: undecodable until the version is registered.
        Schema newer = withOptionalField(ShareRequest.getClassSchema(), "replayTestNote");
        int nextSchemaId = jdbc().queryForObject("select case when is_called then last_value + 1 else last_value end from "
                + jdbc().queryForObject("select pg_get_serial_sequence('registry_schema', 'id')", String.class), Integer.class);
        byte[] current = school.encode("exchange.share-requests", request);
        byte[] bytes = java.nio.ByteBuffer.allocate(current.length + 1).put((byte) 0).putInt(nextSchemaId)
                .put(current, 5, current.length - 5).put((byte) 0).array();
        String messageId = UUID.randomUUID().toString();
        school.sendRaw("exchange.share-requests", caseReference, bytes, messageId, SampleRecords.SCHOOL);
        assertThat(school.receipt(messageId, WAIT).getStatus()).isEqualTo(ReceiptStatus.REJECTED);

        String subject = "exchange.share-requests-exchange.v1.ShareRequest";
        Map<?, ?> registered = http(TestUsers.ADMIN).post().uri("/registry/subjects/{subject}/versions", subject)
                .header("Content-Type", "application/vnd.schemaregistry.v1+json").body(Map.of("schema", newer.toString()))
                .retrieve().body(Map.class);
        assertThat(registered.get("id")).isEqualTo(nextSchemaId);

        Page hub = browser.signIn(TestUsers.HUB, TestUsers.password(TestUsers.HUB));
        hub.navigate(browser.url("/console/dead-letters"));
        Locator deadLetter = hub.locator("#dead-letters tbody tr").first();
        String sequence = deadLetter.getAttribute("data-sequence");
        deadLetter.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ask to replay dead letter " + sequence)).click();
        ConsoleBrowser.checkAndKeep(hub, "replay-request");
        hub.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the replay")).click();
        assertThat(hub.locator(".govuk-error-summary")).containsText("Say why");
        String why = "The school's new schema version was missing from the registry; it is registered now";
        hub.getByLabel("Why should dead letter " + sequence + " go to intake again?").fill(why);
        hub.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the replay")).click();
        assertThat(hub.locator("#done")).containsText("A second person must approve it");
        Locator replay = hub.locator("#replays tr[data-dead-letter='" + sequence + "']");
        assertThat(replay).containsText("Waiting for a second person");
        assertThat(replay).containsText("You asked for it, so someone else must decide.");
        String replayId = replay.getAttribute("data-replay");
        ConsoleBrowser.checkAndKeep(hub, "replay-asked");

        // The page offers the one who asked no approval; asking the server anyway is refused, and nothing is replayed.
        Object refused = hub.evaluate("([id, token]) => fetch('/console/dead-letters/replays/' + id, {method: 'POST',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'decision=approve&reason=mine&_csrf=' + encodeURIComponent(token)}).then(r => r.text())",
                List.of(replayId, hub.locator("meta[name='_csrf']").getAttribute("content")));
        assertThat((String) refused).contains("You asked for this replay: a second person must approve or refuse it");

        Page auditor = browser.signIn(TestUsers.AUDITOR, TestUsers.password(TestUsers.AUDITOR));
        auditor.navigate(browser.url("/console/dead-letters"));
        Locator pending = auditor.locator("#replays tr[data-replay='" + replayId + "']");
        pending.getByLabel("Your reason").fill("Checked with the school's IT lead: same bytes, schema now registered");
        pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve replay")).click();
        assertThat(auditor.locator("#done")).containsText("Replay approved");
        assertThat(auditor.locator("#replays tr[data-replay='" + replayId + "']")).containsText("APPROVED");
        ConsoleBrowser.checkAndKeep(auditor, "replay-approved");

        // The dead letter's own bytes, id and signature went through intake and the policy: accepted this time.
        exchange.v1.Receipt receipt = school.receipt(messageId + "#replay-" + replayId, WAIT);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        // A dead letter goes through intake once more, not twice: a second replay of it is refused.
        auditor.navigate(browser.url("/console/dead-letters/" + sequence + "/replay"));
        auditor.getByLabel("Why should dead letter " + sequence + " go to intake again?").fill("Once more");
        auditor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask for the replay")).click();
        assertThat(auditor.locator("#problem")).containsText("has a replay approved already");

        // The replay's row names the entry intake made of it.
        auditor.reload();
        assertThat(auditor.locator("#replays tr[data-replay='" + replayId + "']")).containsText("Intake registered it again as entry");
        ConsoleBrowser.checkAndKeep(auditor, "replay-registered");
        List<Map<String, Object>> replayed = jsonList("/api/audit/entries?caseReference=" + caseReference, "entries");
        assertThat(replayed).singleElement().satisfies(entry -> {
            assertThat(entry.get("messageId")).isEqualTo(messageId + "#replay-" + replayId);
            assertThat(entry.get("provenSender")).isEqualTo(SampleRecords.SCHOOL);
            assertThat(entry.get("outcome")).isEqualTo("ACCEPTED");
        });
        // Both acts are register entries of their own: who, when, why, which dead letter.
        List<Map<String, Object>> asked = jsonList("/api/audit/entries?type=DeadLetterReplayRequest", "entries");
        assertThat(asked).filteredOn(e -> replayId.equals(e.get("requestId"))).singleElement().satisfies(entry -> {
            assertThat(entry.get("requesterName")).isEqualTo(TestUsers.HUB);
            Map<?, ?> act = (Map<?, ?>) entry.get("message");
            assertThat(act.get("reason")).isEqualTo(why);
            assertThat(String.valueOf(act.get("deadLetterSequence"))).isEqualTo(sequence);
        });
        List<Map<String, Object>> decided = jsonList("/api/audit/entries?type=DeadLetterReplayDecision", "entries");
        assertThat(decided).filteredOn(e -> replayId.equals(e.get("requestId"))).singleElement().satisfies(entry -> {
            assertThat(entry.get("requesterName")).isEqualTo(TestUsers.AUDITOR);
            assertThat(entry.get("decision")).isEqualTo("APPROVED");
        });
    }

    private static Schema withOptionalField(Schema record, String name) {
        List<Schema.Field> fields = new java.util.ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "A note added in a later version", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }

    private static void accepted(TestAgency agency, String messageId) {
        assertThat(agency.receipt(messageId, WAIT).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
    }

    /** Reads the agency's inbox to its end as the agency's own consumer group, and commits: nothing is left unread. */
    private void readWholeInbox(String agencyCode) {
        Map<String, Object> config = new HashMap<>(TestKafka.agencyConfig(agencyCode));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "agency." + agencyCode + ".console-test");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            String inbox = "agency." + agencyCode + ".inbox";
            List<TopicPartition> partitions = consumer.partitionsFor(inbox).stream().map(p -> new TopicPartition(inbox, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200));
            }
            consumer.commitSync();
        }
    }
}
