package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.HazardNotification;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class RecordedAfterEventTest {

    private final RecordedAfterEvent rule = new RecordedAfterEvent();

    private static HazardNotification recordedAfter(Duration sinceEvent) {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.getRecordedBy().setRecordedAt(hazard.getOccurredAt().plus(sinceEvent));
        return hazard;
    }

    @Test
    void an_entry_recorded_after_the_event_passes() {
        assertThat(violations(rule, SampleRecords.hazardRaised(), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void an_entry_recorded_up_to_five_minutes_early_is_taken_as_clock_skew() {
        assertThat(violations(rule, recordedAfter(Duration.ofMinutes(-5)), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void an_entry_recorded_before_the_event_is_refused() {
        assertThat(violations(rule, recordedAfter(Duration.ofMinutes(-5).minusSeconds(1)), envelopeFrom(SampleRecords.POLICE)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("recordedBy.recordedAt");
                    assertThat(violation.rule()).isEqualTo("derby-1/recorded-after-event");
                    assertThat(violation.message()).contains("before the event");
                });
    }
}
