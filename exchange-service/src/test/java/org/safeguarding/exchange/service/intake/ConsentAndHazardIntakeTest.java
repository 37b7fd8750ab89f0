package org.safeguarding.exchange.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.consent;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.decisionClaimingConsent;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.hazard;

import exchange.v1.ConsentStatus;
import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.intake.internal.BatchRecorder;
import org.safeguarding.exchange.service.intake.internal.MessageIntake;
import org.safeguarding.exchange.service.register.Disposition;
import org.safeguarding.exchange.service.register.EntryOutcome;
import org.safeguarding.exchange.service.register.EntryQuery;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.Recorded;
import org.safeguarding.exchange.service.register.RegisterSearch;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consent and hazard history as intake judges a poll against it, and the deadline facts it keeps, driven below Kafka so that a test decides exactly
 * which messages share a poll and can read a poll again as the listener does after a failure: against the real
 * register and database, on a partition of its own so the running listener's chains are untouched.
 */
class ConsentAndHazardIntakeTest extends ExchangeServiceTest {

    private static final int PARTITION = 77;
    private final AtomicLong offsets = new AtomicLong();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private MessageIntake intake;
    @Autowired
    private RegisterSearch search;
    @Autowired
    private BatchRecorder recorder;
    @Autowired
    private org.springframework.transaction.PlatformTransactionManager transactions;
    private TestAgency encoder;

    @BeforeAll
    void encoder() {
        encoder = new TestAgency(SampleRecords.COUNCIL, bootstrapServers(), registryUrl());
    }

    @AfterAll
    void closeEncoder() {
        encoder.close();
    }

    /** A record as the intake consumer would read it, signed by its sender, with a fresh message id and the next offset. */
    private ConsumerRecord<String, byte[]> read(String topic, String sender, SpecificRecord message) {
        return read(topic, sender, message, UUID.randomUUID().toString());
    }

    private ConsumerRecord<String, byte[]> read(String topic, String sender, SpecificRecord message, String messageId) {
        String key = String.valueOf(message.get(message.getSchema().getField("caseReference").pos()));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, PARTITION, offsets.incrementAndGet(), key,
                encoder.encode(topic, message));
        record.headers().add(ExchangeHeaders.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(ExchangeHeaders.SENDER, sender.getBytes(StandardCharsets.UTF_8));
        TestKeys.sign(record.headers(), record.value(), TestKeys.signingKey(sender), messageId, sender, System.currentTimeMillis());
        return record;
    }

    private ConsumerRecord<String, byte[]> consentRecord(SpecificRecord message) {
        return read("exchange.consent-outcomes", SampleRecords.COUNCIL, message);
    }

    private ConsumerRecord<String, byte[]> decisionRecord(SpecificRecord message) {
        return read("exchange.share-decisions", SampleRecords.COUNCIL, message);
    }

    private ConsumerRecord<String, byte[]> hazardRecord(HazardNotification hazard) {
        return read("exchange.hazard-notifications", SampleRecords.POLICE, hazard);
    }

    private List<Recorded> poll(List<ConsumerRecord<String, byte[]>> records) {
        return recorder.record(intake.admitAll(records));
    }

    private static List<String> rulesBroken(Recorded recorded) {
        return recorded.entry().message().violations().stream().map(v -> v.rule()).toList();
    }

    private Map<String, Object> hazardRow(String hazardId) {
        return jdbc().queryForMap("select status, last_action, last_sequence, raised_sequence, array_to_string(linked_children, ',') as children"
                + " from lifecycle_hazard where hazard_id = ?", hazardId);
    }

    private static String newCase() {
        return "CASE-" + UUID.randomUUID();
    }

    @Test
    void aWithdrawalEarlierInTheSamePollRefusesAClaimOfConsentAfterIt() {
        String caseReference = newCase();
        List<Recorded> recorded = poll(List.of(
                consentRecord(consent(caseReference, "PERSON-AMY", ConsentStatus.GIVEN, 120)),
                consentRecord(consent(caseReference, "PERSON-AMY", ConsentStatus.WITHDRAWN, 60)),
                decisionRecord(decisionClaimingConsent(caseReference, 10))));

        assertThat(recorded).extracting(r -> r.entry().message().outcome())
                .containsExactly(EntryOutcome.ACCEPTED, EntryOutcome.ACCEPTED, EntryOutcome.REJECTED);
        assertThat(rulesBroken(recorded.get(2))).containsExactly("staffordshire-33/consent-position");
        assertThat(recorded.get(2).entry().message().violations().get(0).message()).contains("withdrawn by PERSON-AMY");
    }

    @Test
    void aClaimOfConsentIsJudgedAgainstTheRegisterAndAcceptedOnceConsentIsGivenAgain() {
        String caseReference = newCase();
        poll(List.of(consentRecord(consent(caseReference, "PERSON-AMY", ConsentStatus.REFUSED, 60))));

        assertThat(rulesBroken(poll(List.of(decisionRecord(decisionClaimingConsent(caseReference, 10)))).get(0)))
                .containsExactly("staffordshire-33/consent-position");
        // A share that happened before the refusal, recorded late, did have consent to rely on: no refusal stood then.
        assertThat(poll(List.of(decisionRecord(decisionClaimingConsent(caseReference, 90)))).get(0).entry().message().outcome())
                .isEqualTo(EntryOutcome.ACCEPTED);

        poll(List.of(consentRecord(consent(caseReference, "PERSON-AMY", ConsentStatus.GIVEN, 30))));
        assertThat(poll(List.of(decisionRecord(decisionClaimingConsent(caseReference, 10)))).get(0).entry().message().outcome())
                .isEqualTo(EntryOutcome.ACCEPTED);
    }

    @Test
    void aHazardFollowsItsLifecycleWithinAPollAndAcrossPolls() {
        String caseReference = newCase();
        String id = "HAZ-" + UUID.randomUUID();
        List<String> children = List.of("PERSON-" + UUID.randomUUID());
        List<String> notify = List.of(SampleRecords.SCHOOL);
        List<Recorded> first = poll(List.of(
                hazardRecord(hazard(id, HazardAction.UPDATED, caseReference, children, notify)),
                hazardRecord(hazard(id, HazardAction.RAISED, caseReference, children, notify)),
                hazardRecord(hazard(id, HazardAction.RAISED, caseReference, children, notify)),
                hazardRecord(hazard(id, HazardAction.REVIEWED, caseReference, children, notify))));

        assertThat(first).extracting(r -> r.entry().message().outcome()).containsExactly(
                EntryOutcome.REJECTED, EntryOutcome.ACCEPTED, EntryOutcome.REJECTED, EntryOutcome.ACCEPTED);
        assertThat(rulesBroken(first.get(0))).containsExactly("derby-4/hazard-lifecycle");
        assertThat(rulesBroken(first.get(2))).containsExactly("derby-4/hazard-lifecycle");
        assertThat(hazardRow(id)).containsEntry("status", "ACTIVE").containsEntry("last_action", "REVIEWED")
                .containsEntry("last_sequence", first.get(3).entry().sequence())
                .containsEntry("raised_sequence", first.get(1).entry().sequence());

        List<Recorded> second = poll(List.of(
                hazardRecord(hazard(id, HazardAction.WITHDRAWN, caseReference, children, notify)),
                hazardRecord(hazard(id, HazardAction.UPDATED, caseReference, children, notify)),
                hazardRecord(hazard(id, HazardAction.RAISED, caseReference, children, notify))));

        assertThat(second).extracting(r -> r.entry().message().outcome())
                .containsExactly(EntryOutcome.ACCEPTED, EntryOutcome.REJECTED, EntryOutcome.REJECTED);
        assertThat(hazardRow(id)).containsEntry("status", "WITHDRAWN").containsEntry("last_sequence", second.get(0).entry().sequence());
    }

    @Test
    void aPollReadAgainOrAMessageSentTwiceNeverAppliesAHazardActionTwice() {
        String caseReference = newCase();
        String id = "HAZ-" + UUID.randomUUID();
        List<String> notify = List.of(SampleRecords.SCHOOL);
        HazardNotification firstUpdate = hazard(id, HazardAction.UPDATED, caseReference, List.of("PERSON-FIRST"), notify);
        List<ConsumerRecord<String, byte[]>> firstPoll = List.of(
                hazardRecord(hazard(id, HazardAction.RAISED, caseReference, List.of("PERSON-FIRST"), notify)),
                hazardRecord(firstUpdate));
        poll(firstPoll);
        List<Recorded> later = poll(List.of(hazardRecord(hazard(id, HazardAction.UPDATED, caseReference, List.of("PERSON-LATER"), notify))));
        long lastSequence = later.get(0).entry().sequence();

        // The first poll read again, as after a failure between the database commit and the Kafka commit.
        List<Recorded> replayed = poll(firstPoll);
        assertThat(replayed).extracting(Recorded::disposition).containsOnly(Disposition.REPLAY);
        assertThat(replayed).extracting(r -> r.entry().message().outcome()).containsOnly(EntryOutcome.ACCEPTED);
        // The first update sent again under its own message id from a new offset: a duplicate.
        String firstUpdateId = new String(firstPoll.get(1).headers().lastHeader(ExchangeHeaders.MESSAGE_ID).value(), StandardCharsets.UTF_8);
        assertThat(poll(List.of(read("exchange.hazard-notifications", SampleRecords.POLICE, firstUpdate, firstUpdateId))))
                .extracting(Recorded::disposition).containsExactly(Disposition.DUPLICATE);

        assertThat(hazardRow(id)).containsEntry("last_sequence", lastSequence).containsEntry("children", "PERSON-LATER");
    }

    @Test
    void aHazardIsAddressedToItsNotifyAgenciesAndEveryAgencyExchangingMessagesAboutALinkedChild() {
        String childCase = newCase();
        String adultCase = newCase();
        String unrelatedCase = newCase();
        String child = "PERSON-" + UUID.randomUUID();
        var request = SampleRecords.shareRequest();
        request.setCaseReference(childCase);
        request.setOccurredAt(org.safeguarding.exchange.service.testing.LifecycleRecords.now().minusSeconds(600));
        request.getRecordedBy().setRecordedAt(org.safeguarding.exchange.service.testing.LifecycleRecords.now());
        var unrelated = decisionClaimingConsent(unrelatedCase, 5);
        unrelated.setRecipientAgency("CHY-ASPIRED");
        poll(List.of(
                read("exchange.share-requests", SampleRecords.SCHOOL, request),
                consentRecord(consent(childCase, child, ConsentStatus.GIVEN, 60)),
                decisionRecord(unrelated)));

        List<Recorded> recorded = poll(List.of(hazardRecord(hazard("HAZ-" + UUID.randomUUID(), HazardAction.RAISED, adultCase,
                List.of(child), List.of("NHS-HUMBER")))));

        NewEntry entry = recorded.get(0).entry().message();
        assertThat(entry.outcome()).isEqualTo(EntryOutcome.ACCEPTED);
        assertThat(entry.facts().recipientAgencies()).containsExactly("NHS-HUMBER", SampleRecords.COUNCIL, SampleRecords.SCHOOL);
        assertThat(jdbc().queryForObject("select array_to_string(recipient_agencies, ',') from register_entry where sequence = ?",
                String.class, recorded.get(0).entry().sequence())).isEqualTo("NHS-HUMBER,LA-HULL,SCH-OAKFIELD");
    }

    @Test
    void aChildLinkedEarlierInTheSamePollWidensTheFanOut() {
        String childCase = newCase();
        String child = "PERSON-" + UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        var decision = decisionClaimingConsent(childCase, 5);
        decision.setRecipientAgency("SCH-NEWLAND");
        records.add(consentRecord(consent(childCase, child, ConsentStatus.GIVEN, 60)));
        records.add(decisionRecord(decision));
        records.add(hazardRecord(hazard("HAZ-" + UUID.randomUUID(), HazardAction.RAISED, newCase(), List.of(child), List.of())));

        List<Recorded> recorded = poll(records);

        assertThat(recorded.get(2).entry().message().facts().recipientAgencies()).containsExactly(SampleRecords.COUNCIL, "SCH-NEWLAND");
    }

    @Test
    void theHazardStatesAndInvolvementsAreThoseTheRegisterAccepted() throws Exception {
        String caseReference = newCase();
        String active = "HAZ-" + UUID.randomUUID();
        String withdrawn = "HAZ-" + UUID.randomUUID();
        List<String> notify = List.of(SampleRecords.SCHOOL);
        poll(List.of(
                consentRecord(consent(caseReference, "PERSON-" + UUID.randomUUID(), ConsentStatus.GIVEN, 60)),
                hazardRecord(hazard(active, HazardAction.RAISED, caseReference, List.of("PERSON-A"), notify)),
                hazardRecord(hazard(withdrawn, HazardAction.RAISED, caseReference, List.of("PERSON-B"), notify)),
                hazardRecord(hazard(active, HazardAction.REVIEWED, caseReference, List.of("PERSON-A", "PERSON-C"), notify)),
                hazardRecord(hazard(withdrawn, HazardAction.WITHDRAWN, caseReference, List.of("PERSON-B"), notify))));

        assertThat(search.byCase(caseReference, null, 10)).filteredOn(e -> "HazardNotification".equals(e.recordType()))
                .allSatisfy(e -> assertThat(JSON.readTree(e.message()).get("linkedChildren").isArray()).isTrue()).isNotEmpty();

        String derivation = derivation("hazards.sql");
        String hazardColumns = "hazard_id, status, last_action, category, case_reference, person_reference,"
                + " array_to_string(linked_children, ',') as children, raising_agency, array_to_string(notify_agencies, ',') as notify,"
                + " review_due, raised_at, last_occurred_at, raised_sequence, last_sequence";
        String peopleColumns = "person_reference, case_reference, first_sequence";
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        transaction.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        // Temporary tables of the same names come first on the search path: the derivation fills them from the register.
        transaction.executeWithoutResult(tx -> {
            registerWithReadableJson();
            jdbc().execute("create temp table lifecycle_hazard (like public.lifecycle_hazard) on commit drop");
            jdbc().execute("create temp table lifecycle_case_person (like public.lifecycle_case_person) on commit drop");
            jdbc().execute(derivation);
            // Entries registered before lists were written as JSON arrays held them as one string; the derivation read both.
            assertThat(jdbc().queryForObject("select array_to_string(lifecycle_text_list('\"[PERSON-A, PERSON-C]\"'::jsonb), '|')", String.class))
                    .isEqualTo("PERSON-A|PERSON-C");
            assertThat(jdbc().queryForObject("select cardinality(lifecycle_text_list('\"[]\"'::jsonb))", Integer.class)).isZero();
            assertThat(jdbc().queryForList("select " + hazardColumns + " from pg_temp.lifecycle_hazard order by hazard_id"))
                    .isNotEmpty()
                    .isEqualTo(jdbc().queryForList("select " + hazardColumns + " from public.lifecycle_hazard order by hazard_id"));
            assertThat(jdbc().queryForList("select " + peopleColumns + " from pg_temp.lifecycle_case_person order by 1, 2"))
                    .isNotEmpty()
                    .isEqualTo(jdbc().queryForList("select " + peopleColumns + " from public.lifecycle_case_person order by 1, 2"));
            tx.setRollbackOnly();
        });
    }

    /**
     * The register as the derivations read it: a temporary copy, first on the search path until the transaction ends,
     * with each entry's readable message as {@code message_json}, which the register once stored and now derives from
     * the exact bytes when read. Call in the derivation's transaction, before anything else shadows a table.
     */
    private void registerWithReadableJson() {
        List<Object[]> messages = new ArrayList<>();
        search.forEach(new EntryQuery(null, null, null, null, null, null, 1), e -> {
            if (e.message() != null) {
                messages.add(new Object[] {e.message(), e.sequence()});
            }
        });
        jdbc().execute("create temp table register_entry on commit drop as select * from public.register_entry");
        jdbc().execute("alter table pg_temp.register_entry add column message_json jsonb");
        jdbc().batchUpdate("update pg_temp.register_entry set message_json = ?::jsonb where sequence = ?", messages);
    }

    /**
     * One of the statements in src/test/resources/derived-from-the-register: how a table kept beside the register was
     * derived from register_entry when it was, kept to show that what each module now writes from the entries the
     * register recorded is what that derivation gave.
     */
    private String derivation(String name) throws java.io.IOException {
        return new String(getClass().getResourceAsStream("/derived-from-the-register/" + name).readAllBytes(), StandardCharsets.UTF_8);
    }

    private ConsumerRecord<String, byte[]> requestRecord(String caseReference, String requestId, boolean urgent, int minutesAgo) {
        return read("exchange.share-requests", SampleRecords.SCHOOL, shareRequest(caseReference, requestId, urgent, minutesAgo));
    }

    private static ShareRequest shareRequest(String caseReference, String requestId, boolean urgent, int minutesAgo) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        request.setRequestId(requestId);
        request.setUrgent(urgent);
        request.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, "Seeking consent would place the child at risk"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        request.setOccurredAt(now.minus(minutesAgo, ChronoUnit.MINUTES));
        request.getRecordedBy().setRecordedAt(now);
        return request;
    }

    private ConsumerRecord<String, byte[]> answerRecord(String caseReference, String requestId, int minutesAgo) {
        ShareDecision decision = decisionClaimingConsent(caseReference, minutesAgo);
        decision.setRequestId(requestId);
        decision.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, "Seeking consent would place the child at risk"));
        return decisionRecord(decision);
    }

    private static void assertAccepted(List<Recorded> recorded) {
        assertThat(recorded).allSatisfy(r -> assertThat(r.entry().message().outcome())
                .as("%s", r.entry().message().violations()).isEqualTo(EntryOutcome.ACCEPTED));
    }

    private List<String> openRequestsOf(String caseReference) {
        return jdbc().queryForList("select request_id from lifecycle_request where case_reference = ? and recipient_agency is not null"
                + " and not (recipient_agency = any (answered_by)) order by request_id", String.class, caseReference);
    }

    @Test
    void theRequestsStillOpenFollowRequestsAndTheirAnswersInWhicheverOrderTheyAreRegistered() {
        String caseReference = newCase();
        String answeredFirst = "REQ-A-" + UUID.randomUUID();
        String answeredLater = "REQ-B-" + UUID.randomUUID();
        String unanswered = "REQ-C-" + UUID.randomUUID();
        // The answer is registered before its request (another topic, so perhaps another consumer).
        assertAccepted(poll(List.of(answerRecord(caseReference, answeredFirst, 30))));
        List<ConsumerRecord<String, byte[]>> requests = List.of(requestRecord(caseReference, answeredFirst, false, 60),
                requestRecord(caseReference, answeredLater, false, 50), requestRecord(caseReference, unanswered, true, 40));
        assertAccepted(poll(requests));
        assertThat(openRequestsOf(caseReference)).containsExactly(answeredLater, unanswered);

        assertAccepted(poll(List.of(answerRecord(caseReference, answeredLater, 10))));
        // The requests read again (a replay after a failed poll) are duplicates and reopen nothing.
        assertThat(poll(requests)).extracting(Recorded::disposition).doesNotContain(Disposition.NEW);

        assertThat(openRequestsOf(caseReference)).containsExactly(unanswered);
        assertThat(jdbc().queryForMap("select requester_agency, recipient_agency, urgent, array_to_string(answered_by, ',') as answered_by"
                + " from lifecycle_request where request_id = ?", unanswered)).containsEntry("requester_agency", SampleRecords.SCHOOL)
                .containsEntry("recipient_agency", SampleRecords.COUNCIL).containsEntry("urgent", true).containsEntry("answered_by", "");
        assertThat(jdbc().queryForMap("select agency, last_sequence from lifecycle_case_contact where case_reference = ?", caseReference))
                .containsEntry("agency", SampleRecords.COUNCIL)
                .containsEntry("last_sequence", jdbc().queryForObject("select max(sequence) from register_entry where case_reference = ?"
                        + " and outcome = 'ACCEPTED'", Long.class, caseReference));
    }

    @Test
    void theDeadlineFactsAreThoseTheRegisterAccepted() throws Exception {
        String caseReference = newCase();
        String answered = "REQ-" + UUID.randomUUID();
        assertAccepted(poll(List.of(requestRecord(caseReference, answered, false, 60),
                requestRecord(caseReference, "REQ-" + UUID.randomUUID(), true, 50), answerRecord(caseReference, answered, 20))));

        String derivation = derivation("deadline_facts.sql");
        String requests = "select requester_agency, request_id, case_reference, recipient_agency, requested_at, urgent, last_sequence,"
                + " array_to_string(answered_by, ',') as answered_by from lifecycle_request order by 1, 2";
        String contacts = "select case_reference, last_contact_at, agency, last_sequence from lifecycle_case_contact order by 1";
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        // One snapshot of the register throughout, whatever intake commits meanwhile; rolled back, so nothing is lost.
        transaction.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        transaction.executeWithoutResult(tx -> {
            List<Map<String, Object>> keptRequests = jdbc().queryForList(requests);
            List<Map<String, Object>> keptContacts = jdbc().queryForList(contacts);
            jdbc().update("delete from lifecycle_request");
            jdbc().update("delete from lifecycle_case_contact");
            registerWithReadableJson();
            jdbc().execute(derivation);
            assertThat(jdbc().queryForList(requests)).isNotEmpty().isEqualTo(keptRequests);
            assertThat(jdbc().queryForList(contacts)).isNotEmpty().isEqualTo(keptContacts);
            tx.setRollbackOnly();
        });
        assertThat(openRequestsOf(caseReference)).hasSize(1);
    }

    @Test
    void theCaseAgenciesAreThoseTheRegisterAccepted() throws Exception {
        String caseReference = newCase();
        poll(List.of(requestRecord(caseReference, "REQ-" + UUID.randomUUID(), false, 60),
                hazardRecord(hazard("HAZ-" + UUID.randomUUID(), HazardAction.RAISED, caseReference, List.of("PERSON-D"),
                        List.of(SampleRecords.SCHOOL, "NHS-HUMBER")))));
        assertThat(jdbc().queryForList("select agency from lifecycle_case_agency where case_reference = ? order by agency",
                String.class, caseReference)).containsExactly(SampleRecords.COUNCIL, "NHS-HUMBER", SampleRecords.POLICE, SampleRecords.SCHOOL);

        String derivation = derivation("case_agencies.sql");
        String rows = "select case_reference, agency, first_sequence from lifecycle_case_agency order by 1, 2";
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        transaction.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        transaction.executeWithoutResult(tx -> {
            // A temporary table of the same name comes first on the search path: the derivation fills it from the register.
            jdbc().execute("create temp table lifecycle_case_agency (like public.lifecycle_case_agency including all) on commit drop");
            jdbc().execute(derivation);
            assertThat(jdbc().queryForList(rows)).isNotEmpty()
                    .isEqualTo(jdbc().queryForList(rows.replace("from lifecycle_case_agency", "from public.lifecycle_case_agency")));
            tx.setRollbackOnly();
        });
    }

    @Test
    void theConsentOutcomesAndDeadlineFactsWrittenFromTheRecordedEntriesAreThoseTheRegisterDerivationGave() throws Exception {
        String caseReference = newCase();
        String requestId = "REQ-" + UUID.randomUUID();
        String givenId = UUID.randomUUID().toString();
        var given = consent(caseReference, "PERSON-AMY", ConsentStatus.GIVEN, 90);
        var correction = consent(caseReference, "PERSON-AMY", ConsentStatus.REFUSED, 80);
        correction.setCorrectsMessageId(givenId);
        List<ConsumerRecord<String, byte[]>> consentPoll = List.of(
                read("exchange.consent-outcomes", SampleRecords.COUNCIL, given, givenId),
                consentRecord(consent(caseReference, null, ConsentStatus.GIVEN, 70)),
                consentRecord(correction));
        assertAccepted(poll(consentPoll));
        // Answers registered before their request, from two agencies.
        ShareDecision fromHealth = decisionClaimingConsent(caseReference, 20);
        fromHealth.setRequestId(requestId);
        fromHealth.setDecidingAgency("NHS-HUMBER");
        fromHealth.setConsent(SampleRecords.withoutConsent(ConsentStatus.NOT_SOUGHT, "Seeking consent would place the child at risk"));
        assertAccepted(poll(List.of(answerRecord(caseReference, requestId, 30),
                read("exchange.share-decisions", "NHS-HUMBER", fromHealth))));
        // A request and its correction in one poll: the later version stands.
        String firstVersionId = UUID.randomUUID().toString();
        ShareRequest corrected = shareRequest(caseReference, requestId, true, 60);
        corrected.setCorrectsMessageId(firstVersionId);
        List<ConsumerRecord<String, byte[]>> requestPoll = List.of(
                read("exchange.share-requests", SampleRecords.SCHOOL, shareRequest(caseReference, requestId, false, 60), firstVersionId),
                read("exchange.share-requests", SampleRecords.SCHOOL, corrected));
        assertAccepted(poll(requestPoll));
        // Read again, and the first outcome sent again under its own id: nothing more is written.
        assertThat(poll(requestPoll)).extracting(Recorded::disposition).containsOnly(Disposition.REPLAY);
        assertThat(poll(List.of(read("exchange.consent-outcomes", SampleRecords.COUNCIL, given, givenId))))
                .extracting(Recorded::disposition).containsExactly(Disposition.DUPLICATE);

        assertThat(jdbc().queryForList("select status from consent_outcome where case_reference = ? order by sequence", String.class,
                caseReference)).containsExactly("GIVEN", "GIVEN", "REFUSED");
        assertThat(jdbc().queryForMap("select urgent, array_to_string(answered_by, ',') as answered_by from lifecycle_request"
                + " where request_id = ?", requestId)).containsEntry("urgent", true)
                .containsEntry("answered_by", SampleRecords.COUNCIL + ",NHS-HUMBER");

        String outcomes = "select sequence, message_id, case_reference, person_reference, status, given_by, limits, occurred_at, agency,"
                + " corrects_message_id from consent_outcome order by sequence";
        String requests = "select requester_agency, request_id, case_reference, recipient_agency, requested_at, urgent, last_sequence,"
                + " array_to_string(answered_by, ',') as answered_by from lifecycle_request order by 1, 2";
        String contacts = "select case_reference, last_contact_at, agency, last_sequence from lifecycle_case_contact order by 1";
        String consentDerivation = derivation("consent_outcomes.sql");
        String deadlineDerivation = derivation("deadline_facts.sql");
        var transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        transaction.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        transaction.executeWithoutResult(tx -> {
            registerWithReadableJson();
            assertThat(jdbc().queryForList(outcomes)).isNotEmpty()
                    .isEqualTo(jdbc().queryForList(consentDerivation + " order by sequence"));
            List<Map<String, Object>> keptRequests = jdbc().queryForList(requests);
            List<Map<String, Object>> keptContacts = jdbc().queryForList(contacts);
            jdbc().execute("create temp table lifecycle_request (like public.lifecycle_request including all) on commit drop");
            jdbc().execute("create temp table lifecycle_case_contact (like public.lifecycle_case_contact including all) on commit drop");
            jdbc().execute(deadlineDerivation);
            assertThat(jdbc().queryForList(requests)).isNotEmpty().isEqualTo(keptRequests);
            assertThat(jdbc().queryForList(contacts)).isNotEmpty().isEqualTo(keptContacts);
            tx.setRollbackOnly();
        });
    }
}
