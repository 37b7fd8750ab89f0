package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import static org.safeguarding.exchange.service.policy.PolicyFixtures.NOW;

import exchange.v1.ShareRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class EntryNotInFutureTest {

    private final EntryNotInFuture rule = new EntryNotInFuture(PolicyFixtures.CLOCK);

    private static ShareRequest at(Instant occurredAt, Instant recordedAt) {
        ShareRequest request = SampleRecords.shareRequest();
        request.setOccurredAt(occurredAt);
        request.getRecordedBy().setRecordedAt(recordedAt);
        return request;
    }

    @Test
    void past_times_pass() {
        assertThat(violations(rule, SampleRecords.shareRequest(), envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
    }

    @Test
    void times_within_five_minutes_of_clock_skew_pass() {
        Instant skewed = NOW.plus(Duration.ofMinutes(5));

        assertThat(violations(rule, at(skewed, skewed), envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
    }

    @Test
    void future_times_are_refused_each_by_name() {
        Instant future = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);

        assertThat(violations(rule, at(future, future), envelopeFrom(SampleRecords.SCHOOL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(
                        tuple("occurredAt", "derby-1/entry-not-in-future"),
                        tuple("recordedBy.recordedAt", "derby-1/entry-not-in-future"));
    }

    @Test
    void missing_times_are_left_to_the_required_field_rule() {
        ShareRequest request = SampleRecords.shareRequest();
        request.put("occurredAt", null); // the setter truncates, so it cannot set null
        request.setRecordedBy(null);

        assertThat(violations(rule, request, envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
    }
}
