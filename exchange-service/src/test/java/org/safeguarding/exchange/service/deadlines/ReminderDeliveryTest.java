package org.safeguarding.exchange.service.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.exchange.service.testing.TestAgency.header;

import exchange.v1.HazardNotification;
import exchange.v1.Reminder;
import exchange.v1.ReminderKind;
import exchange.v1.ShareDecision;
import exchange.v1.ShareRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.deadlines.internal.WorkingDayCalendar;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.HttpClientErrorException;

/**
 * The whole service with a clock the test moves: a request goes unanswered past its deadline and its recipient
 * finds one reminder in its inbox; a hazard nearing review reminds the police who raised it; a case quiet for six
 * months is brought up, and the decision taken is kept.
 */
@ContextConfiguration(initializers = ReminderDeliveryTest.UseTestClock.class)
@TestPropertySource(properties = "exchange.reminders.interval=PT0.5S")
class ReminderDeliveryTest extends ExchangeServiceTest {

    static final MutableClock CLOCK = new MutableClock(Instant.now());

    static class UseTestClock implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            CLOCK.installIn(context);
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    ReminderScheduler scheduler;

    private TestAgency school;
    private TestAgency council;
    private TestAgency police;

    @BeforeAll
    void agencies() {
        school = agency(SampleRecords.SCHOOL);
        council = agency(SampleRecords.COUNCIL);
        police = agency(SampleRecords.POLICE);
    }


    private ShareRequest request(String caseReference, String requestId, Instant occurredAt) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference(caseReference);
        request.setRequestId(requestId);
        request.setOccurredAt(occurredAt.truncatedTo(ChronoUnit.MILLIS));
        request.getRecordedBy().setRecordedAt(CLOCK.instant().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        return request;
    }

    private void awaitRegistered(String messageId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> outcome = jdbc().queryForList("select outcome from register_entry where message_id = ?", String.class, messageId);
            if (!outcome.isEmpty()) {
                assertThat(outcome).containsExactly("ACCEPTED");
                return;
            }
            sleep(200);
        }
        throw new AssertionError("message " + messageId + " was not registered within " + WAIT);
    }

    private List<Reminder> remindersIn(TestAgency agency, String caseReference, int atLeast) {
        return remindersIn(agency, caseReference, atLeast, WAIT);
    }

    private List<Reminder> remindersIn(TestAgency agency, String caseReference, int atLeast, Duration wait) {
        List<ConsumerRecord<String, byte[]>> records = agency.readUntil(agency.inbox(),
                seen -> seen.stream().filter(r -> isReminderFor(r, caseReference)).count() >= atLeast, wait);
        return records.stream().filter(r -> isReminderFor(r, caseReference))
                .map(r -> (Reminder) agency.decode(r.topic(), r.value())).toList();
    }

    private static boolean isReminderFor(ConsumerRecord<String, byte[]> record, String caseReference) {
        return "Reminder".equals(header(record, "exchange-record-type")) && caseReference.equals(record.key());
    }

    private List<Map<String, Object>> get(String path, String listName) {
        return http().get().uri(path).retrieve().body(LIST).get(listName);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnansweredRequestGoesOverdueAndItsRecipientIsRemindedOnce() {
        String caseReference = "CASE-" + UUID.randomUUID();
        String unanswered = "REQ-" + UUID.randomUUID();
        String answered = "REQ-" + UUID.randomUUID();
        Instant requestedAt = CLOCK.instant().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        awaitRegistered(school.send("exchange.share-requests", caseReference, request(caseReference, unanswered, requestedAt)));
        awaitRegistered(school.send("exchange.share-requests", caseReference, request(caseReference, answered, requestedAt)));
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setCaseReference(caseReference);
        decision.setRequestId(answered);
        decision.setOccurredAt(CLOCK.instant().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS));
        decision.getRecordedBy().setRecordedAt(CLOCK.instant().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        awaitRegistered(council.send("exchange.share-decisions", caseReference, decision));

        assertThat(get("/api/lifecycle/requests?status=open", "requests")).filteredOn(r -> caseReference.equals(r.get("caseReference")))
                .extracting(r -> r.get("requestId")).containsExactly(unanswered);
        assertThat(get("/api/lifecycle/requests?status=overdue", "requests")).noneMatch(r -> caseReference.equals(r.get("caseReference")));

        // Ten days on, the five working days have passed.
        CLOCK.advance(Duration.ofDays(10));
        Instant dueAt = WorkingDayCalendar.englandAndWales().addWorkingDays(requestedAt, 5);

        List<Map<String, Object>> overdue = get("/api/lifecycle/requests?status=overdue", "requests").stream()
                .filter(r -> caseReference.equals(r.get("caseReference"))).toList();
        assertThat(overdue).extracting(r -> r.get("requestId")).containsExactly(unanswered);
        assertThat(overdue.get(0)).containsEntry("recipientAgency", SampleRecords.COUNCIL).containsEntry("overdue", true)
                .containsEntry("dueAt", dueAt.toString());
        assertThat((Integer) overdue.get(0).get("ageInWorkingDays")).isBetween(6, 8);

        List<Reminder> reminders = remindersIn(council, caseReference, 1);
        assertThat(reminders).hasSize(1);
        Reminder reminder = reminders.get(0);
        assertThat(reminder.getKind()).isEqualTo(ReminderKind.REQUEST_OVERDUE);
        assertThat(reminder.getSubjectReference()).isEqualTo(unanswered);
        assertThat(reminder.getAgency()).isEqualTo(SampleRecords.COUNCIL);
        assertThat(reminder.getDueAt()).isEqualTo(dueAt);
        assertThat(reminder.getMessage()).contains(unanswered, SampleRecords.SCHOOL);

        // More runs, by the schedule and by hand, decide and send nothing more.
        scheduler.runOnce();
        sleep(1500);
        scheduler.runOnce();
        // Reading on until a second reminder would arrive, or for ten seconds.
        assertThat(remindersIn(council, caseReference, 2, Duration.ofSeconds(10))).hasSize(1);
        assertThat(jdbc().queryForObject("select count(*) from lifecycle_reminder where subject_reference = ? and published_at is not null",
                Long.class, unanswered)).isEqualTo(1L);
        // The registry holds the Reminder schema under the inbox's TopicRecordNameStrategy subject.
        assertThat(http().get().uri("/registry/subjects").retrieve().body(String.class))
                .contains(council.inbox() + "-exchange.v1.Reminder");
    }

    @Test
    void aHazardNearItsReviewDateRemindsTheAgencyThatRaisedIt() {
        String caseReference = "CASE-" + UUID.randomUUID();
        String hazardId = "HAZ-" + UUID.randomUUID();
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setCaseReference(caseReference);
        hazard.setHazardId(hazardId);
        LocalDate today = WorkingDayCalendar.englandAndWales().today(CLOCK.instant());
        hazard.setReviewDue(today.plusDays(10));
        hazard.setOccurredAt(CLOCK.instant().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS));
        hazard.getRecordedBy().setRecordedAt(CLOCK.instant().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
        awaitRegistered(police.send("exchange.hazard-notifications", caseReference, hazard));

        assertThat(get("/api/lifecycle/hazards/review-due", "hazards"))
                .filteredOn(h -> hazardId.equals(h.get("hazardId")))
                .singleElement().satisfies(h -> assertThat(h).containsEntry("status", "DUE")
                        .containsEntry("raisingAgency", SampleRecords.POLICE).containsEntry("reviewDue", today.plusDays(10).toString()));
        List<Reminder> reminders = remindersIn(police, caseReference, 1);
        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.getKind()).isEqualTo(ReminderKind.HAZARD_REVIEW_DUE);
            assertThat(r.getSubjectReference()).isEqualTo(hazardId);
        });
    }

    @Test
    void aCaseWithNoContactForSixMonthsIsBroughtUpAndTheDecisionIsKept() {
        String caseReference = "CASE-" + UUID.randomUUID();
        Instant sevenMonthsAgo = CLOCK.instant().minus(Duration.ofDays(213));
        awaitRegistered(school.send("exchange.share-requests", caseReference,
                request(caseReference, "REQ-" + UUID.randomUUID(), sevenMonthsAgo)));

        assertThat(get("/api/lifecycle/bring-ups", "cases")).filteredOn(c -> caseReference.equals(c.get("caseReference")))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("lastContactAgency", SampleRecords.SCHOOL));
        assertThat(remindersIn(school, caseReference, 1)).singleElement()
                .satisfies(r -> assertThat(r.getKind()).isEqualTo(ReminderKind.CASE_BRING_UP));

        assertThatThrownBy(() -> http().post().uri("/api/lifecycle/bring-ups/{c}/decision", caseReference)
                .body(Map.of("who", "Sam Patel", "decision", "FORGET_IT", "reason", "none")).retrieve().toBodilessEntity())
                .isInstanceOfSatisfying(HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(400)));
        var created = http().post().uri("/api/lifecycle/bring-ups/{c}/decision", caseReference)
                .body(Map.of("who", "Sam Patel, support worker", "decision", "FOLLOW_UP_CONTACT",
                        "reason", "No contact since the spring; offering a call to the family"))
                .retrieve().toBodilessEntity();
        assertThat(created.getStatusCode().value()).isEqualTo(201);

        assertThat(get("/api/lifecycle/bring-ups", "cases")).noneMatch(c -> caseReference.equals(c.get("caseReference")));
        assertThat(get("/api/lifecycle/bring-ups/" + caseReference + "/decisions", "decisions")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("decision", "FOLLOW_UP_CONTACT").containsEntry("decidedBy", "Sam Patel, support worker"));
        assertThatThrownBy(() -> jdbc().update("update lifecycle_bring_up_decision set reason = 'changed' where case_reference = ?", caseReference))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc().update("delete from lifecycle_bring_up_decision where case_reference = ?", caseReference))
                .rootCause().hasMessageContaining("append-only");
    }
}
