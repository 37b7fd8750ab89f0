package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.Decision;
import exchange.v1.ShareDecision;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.safeguarding.exchange.testing.SampleRecords;

class SharedInformationListedTest {

    private final SharedInformationListed rule = new SharedInformationListed();

    @Test
    void a_share_listing_what_was_shared_passes() {
        assertThat(violations(rule, SampleRecords.shareDecision(), envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @Test
    void a_decline_may_share_nothing() {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setDecision(Decision.DECLINE);
        decision.setInformationShared(List.of());

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Decision.class, names = {"SHARE", "SHARE_PARTIAL"})
    void a_share_listing_nothing_is_refused(Decision kind) {
        ShareDecision decision = SampleRecords.shareDecision();
        decision.setDecision(kind);
        decision.setInformationShared(List.of());

        assertThat(violations(rule, decision, envelopeFrom(SampleRecords.COUNCIL)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("informationShared", "hull-3.1/information-shared"));
    }
}
