package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.verdict;

import exchange.v1.ConsentOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class LateEntryFlaggedTest {

    private final LateEntryFlagged rule = new LateEntryFlagged();

    private static ConsentOutcome recordedAfter(Duration sinceEvent) {
        ConsentOutcome outcome = SampleRecords.consentOutcome();
        outcome.getRecordedBy().setRecordedAt(outcome.getOccurredAt().plus(sinceEvent));
        return outcome;
    }

    @Test
    void an_entry_recorded_within_24_hours_is_not_flagged() {
        PolicyVerdict verdict = verdict(rule, recordedAfter(Duration.ofHours(24)), envelopeFrom(SampleRecords.COUNCIL));

        assertThat(verdict.flags()).isEmpty();
        assertThat(verdict.violations()).isEmpty();
    }

    @Test
    void an_entry_recorded_more_than_24_hours_later_is_flagged_but_not_refused() {
        PolicyVerdict verdict = verdict(rule, recordedAfter(Duration.ofHours(24).plusSeconds(1)), envelopeFrom(SampleRecords.COUNCIL));

        assertThat(verdict.flags()).containsExactly(EntryFlag.LATE_ENTRY);
        assertThat(verdict.accepted()).isTrue();
    }
}
