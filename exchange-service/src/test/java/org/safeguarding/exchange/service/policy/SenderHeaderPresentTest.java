package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.exchange.testing.SampleRecords;

class SenderHeaderPresentTest {

    private final SenderHeaderPresent rule = new SenderHeaderPresent();

    @Test
    void a_sender_header_passes() {
        assertThat(violations(rule, SampleRecords.shareRequest(), envelopeFrom(SampleRecords.SCHOOL))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " "})
    void a_missing_sender_header_is_refused(String sender) {
        assertThat(violations(rule, SampleRecords.shareRequest(), envelopeFrom(sender)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("exchange-sender", "contract-headers/sender-present"));
    }
}
