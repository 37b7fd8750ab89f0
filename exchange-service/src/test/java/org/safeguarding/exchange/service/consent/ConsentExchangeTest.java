package org.safeguarding.exchange.service.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.consent;
import static org.safeguarding.exchange.service.testing.LifecycleRecords.decisionClaimingConsent;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.testing.SampleRecords;

/** Consent over time through Kafka and HTTP: the receipt that refuses a claim of consent, and the case's consent query. */
class ConsentExchangeTest extends ExchangeServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private TestAgency council;

    @BeforeAll
    void agencies() {
        council = agency(SampleRecords.COUNCIL);
    }



    @Test
    void aDecisionClaimingConsentAfterItWasWithdrawnIsRejectedAndTheConsentHistoryShowsWhy() {
        String caseReference = "CASE-" + UUID.randomUUID();
        String givenId = council.send("exchange.consent-outcomes", caseReference, consent(caseReference, "PERSON-AMY", ConsentStatus.GIVEN, 120));
        ConsentOutcome withdrawal = consent(caseReference, "PERSON-AMY", ConsentStatus.WITHDRAWN, 60);
        String withdrawnId = council.send("exchange.consent-outcomes", caseReference, withdrawal);
        // The decision travels on another topic, which the exchange may read first: it is sent once the withdrawal is
        // registered, as a practitioner's decision follows the consent outcome it relies on.
        assertThat(council.receipt(withdrawnId, WAIT).getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
        String decisionId = council.send("exchange.share-decisions", caseReference, decisionClaimingConsent(caseReference, 10));

        Receipt receipt = council.receipt(decisionId, WAIT);
        assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.REJECTED);
        assertThat(receipt.getViolations()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("consent.status");
            assertThat(v.getRule()).isEqualTo("staffordshire-33/consent-position");
            assertThat(v.getMessage()).contains("withdrawn by PERSON-AMY", withdrawnId);
        });

        String consentUri = "/api/lifecycle/cases/" + caseReference + "/consent";
        assertThat(jsonList(consentUri, "positions")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("personReference", "PERSON-AMY").containsEntry("status", "WITHDRAWN").containsEntry("messageId", withdrawnId));
        List<Map<String, Object>> history = jsonList(consentUri, "history");
        assertThat(history).extracting(h -> h.get("messageId")).containsExactly(givenId, withdrawnId);
        assertThat(history.get(0)).containsEntry("status", "GIVEN").containsEntry("limits", "Not to be shared with the father's family");
    }
}
