package org.safeguarding.exchange.service.hazards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.consent;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.hazard;
import static org.safeguarding.exchange.service.testing.TestAgency.header;

import exchange.v1.ConsentStatus;
import exchange.v1.HazardAction;
import exchange.v1.HazardNotification;
import exchange.v1.ReceiptStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * Hazards over time through Kafka and HTTP: a hazard reaching an agency it did not name (it exchanged messages about a
 * linked child, named by a consent outcome of its case), and the hazard queries.
 */
class HazardExchangeTest extends ExchangeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private TestAgency school;
    private TestAgency council;
    private TestAgency police;

    @BeforeAll
    void agencies() {
        school = agency(SampleRecords.SCHOOL);
        council = agency(SampleRecords.COUNCIL);
        police = agency(SampleRecords.POLICE);
    }




    private List<Object> hazardIds(String uri) {
        return jsonList(uri, "hazards").stream().map(h -> h.get("hazardId")).toList();
    }

    @Test
    void aHazardReachesEveryAgencyExchangingMessagesAboutTheLinkedChildAndIsFoundFromTheChildsCase() {
        String childCase = "CASE-" + UUID.randomUUID();
        String adultCase = "CASE-" + UUID.randomUUID();
        String child = "PERSON-" + UUID.randomUUID();
        String consentId = council.send("exchange.consent-outcomes", childCase, consent(childCase, child, ConsentStatus.GIVEN, 60));
        council.receipt(consentId, WAIT);
        var request = SampleRecords.shareRequest();
        request.setCaseReference(childCase);
        request.setOccurredAt(org.safeguarding.exchange.service.testing.LifecycleRecords.now().minusSeconds(600));
        request.getRecordedBy().setRecordedAt(org.safeguarding.exchange.service.testing.LifecycleRecords.now());
        school.receipt(school.send("exchange.share-requests", childCase, request), WAIT);

        String hazardId = "HAZ-" + UUID.randomUUID();
        HazardNotification raised = hazard(hazardId, HazardAction.RAISED, adultCase, List.of(child), List.of("NHS-HUMBER"));
        String raisedId = police.send("exchange.hazard-notifications", adultCase, raised);
        assertThat(police.receipt(raisedId, WAIT).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);

        // The school was not named in notifyAgencies, but it asked about the child: the hazard reaches its inbox.
        assertThat(school.readUntil(school.inbox(), seen -> seen.stream().anyMatch(r -> raisedId.equals(header(r, TestAgency.MESSAGE_ID))), WAIT))
                .filteredOn(r -> raisedId.equals(header(r, TestAgency.MESSAGE_ID))).hasSize(1);
        assertThat(jdbc().queryForObject("select array_to_string(recipient_agencies, ',') from register_entry where message_id = ?",
                String.class, raisedId)).isEqualTo("NHS-HUMBER,LA-HULL,SCH-OAKFIELD");

        assertThat(jsonList("/api/lifecycle/cases/" + childCase + "/related-hazards", "hazards"))
                .singleElement().satisfies(h -> assertThat(h).containsEntry("hazardId", hazardId)
                        .containsEntry("personReference", "PERSON-ADULT-3").containsEntry("status", "ACTIVE"));
        assertThat(hazardIds("/api/lifecycle/children/" + child + "/hazards")).containsExactly(hazardId);
        String reviewDue = raised.getReviewDue().toString();
        String dayAfter = raised.getReviewDue().plusDays(1).toString();
        assertThat(hazardIds("/api/lifecycle/hazards?dueForReviewBefore=" + dayAfter)).contains(hazardId);
        assertThat(hazardIds("/api/lifecycle/hazards?dueForReviewBefore=" + reviewDue)).doesNotContain(hazardId);
        assertThat(hazardIds("/api/lifecycle/hazards")).contains(hazardId);

        String withdrawnId = police.send("exchange.hazard-notifications", adultCase,
                hazard(hazardId, HazardAction.WITHDRAWN, adultCase, List.of(child), List.of("NHS-HUMBER")));
        assertThat(police.receipt(withdrawnId, WAIT).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        assertThat(hazardIds("/api/lifecycle/children/" + child + "/hazards")).isEmpty();
        assertThat(hazardIds("/api/lifecycle/cases/" + childCase + "/related-hazards")).isEmpty();

        String lateUpdateId = police.send("exchange.hazard-notifications", adultCase,
                hazard(hazardId, HazardAction.UPDATED, adultCase, List.of(child), List.of("NHS-HUMBER")));
        assertThat(police.receipt(lateUpdateId, WAIT).getViolations()).extracting(v -> v.getRule()).containsExactly("derby-4/hazard-lifecycle");
    }
}
