package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.HazardNotification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class HazardLinkedToChildTest {

    private final HazardLinkedToChild rule = new HazardLinkedToChild();

    @Test
    void a_hazard_linked_to_a_child_passes() {
        assertThat(violations(rule, SampleRecords.hazardRaised(), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void a_hazard_linked_to_no_child_is_refused() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setLinkedChildren(List.of());

        assertThat(violations(rule, hazard, envelopeFrom(SampleRecords.POLICE)))
                .extracting(PolicyViolation::field, PolicyViolation::rule)
                .containsExactly(tuple("linkedChildren", "derby-4/linked-child"));
    }
}
