package org.safeguarding.exchange.service.consent;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ConsentOutcome;
import exchange.v1.ConsentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.policy.ConsentPosition;
import org.safeguarding.exchange.service.register.EntryKey;
import org.safeguarding.exchange.testing.SampleRecords;

class ConsentBatchTest {

    @Test
    void a_consent_outcome_accepted_earlier_in_the_batch_counts_for_the_messages_after_it() {
        ConsentBatch batch = ConsentBatch.empty();
        ConsentOutcome withdrawn = SampleRecords.consentOutcome();
        withdrawn.setConsent(SampleRecords.withoutConsent(ConsentStatus.WITHDRAWN, "Mother withdrew consent at the review"));

        batch.accepted(new EntryKey(null, "m1"), withdrawn);

        assertThat(batch.known().positionsAt(SampleRecords.CASE_REFERENCE, Instant.MAX))
                .extracting(ConsentPosition::status).containsExactly(ConsentStatus.WITHDRAWN);
    }

    @Test
    void an_accepted_outcome_is_remembered_once_to_be_written_with_its_register_sequence() {
        ConsentBatch batch = ConsentBatch.empty();
        ConsentOutcome given = SampleRecords.consentOutcome();
        ConsentOutcome withdrawn = SampleRecords.consentOutcome();
        withdrawn.setConsent(SampleRecords.withoutConsent(ConsentStatus.WITHDRAWN, "Mother withdrew consent at the review"));

        batch.accepted(new EntryKey(null, "m1"), given);
        batch.accepted(new EntryKey(null, "m1"), withdrawn);
        batch.accepted(new EntryKey(null, "m2"), SampleRecords.shareRequest());

        assertThat(batch.acceptedOutcome(new EntryKey(null, "m1"))).hasValueSatisfying(entry -> {
            assertThat(entry.status()).isEqualTo(ConsentStatus.GIVEN);
            assertThat(entry.sequence()).isNull();
            assertThat(entry.agency()).isEqualTo(given.getAgency());
            assertThat(entry.registeredAs(42).sequence()).isEqualTo(42L);
        });
        assertThat(batch.acceptedOutcome(new EntryKey(null, "m2"))).isEmpty();
    }

    @Test
    void the_same_message_id_from_two_proven_senders_is_two_outcomes() {
        ConsentBatch batch = ConsentBatch.empty();
        ConsentOutcome fromCouncil = SampleRecords.consentOutcome();
        ConsentOutcome fromHealth = SampleRecords.consentOutcome();
        fromHealth.setAgency("NHS-HUMBER");

        batch.accepted(new EntryKey("LA-HULL", "m1"), fromCouncil);
        batch.accepted(new EntryKey("NHS-HUMBER", "m1"), fromHealth);

        assertThat(batch.acceptedOutcome(new EntryKey("LA-HULL", "m1"))).hasValueSatisfying(e -> assertThat(e.agency()).isEqualTo("LA-HULL"));
        assertThat(batch.acceptedOutcome(new EntryKey("NHS-HUMBER", "m1")))
                .hasValueSatisfying(e -> assertThat(e.agency()).isEqualTo("NHS-HUMBER"));
    }
}
