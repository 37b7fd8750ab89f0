package org.safeguarding.exchange.service.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.envelopeFrom;
import static org.safeguarding.exchange.service.policy.PolicyFixtures.violations;

import exchange.v1.HazardNotification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class HazardNotifiesOthersTest {

    private final HazardNotifiesOthers rule = new HazardNotifiesOthers();

    @Test
    void notifying_other_agencies_passes() {
        assertThat(violations(rule, SampleRecords.hazardRaised(), envelopeFrom(SampleRecords.POLICE))).isEmpty();
    }

    @Test
    void notifying_the_raising_agency_itself_is_refused() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setNotifyAgencies(List.of(SampleRecords.SCHOOL, SampleRecords.POLICE));

        assertThat(violations(rule, hazard, envelopeFrom(SampleRecords.POLICE)))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("notifyAgencies[1]");
                    assertThat(violation.rule()).isEqualTo("contract-hazard/notify-other-agencies");
                    assertThat(violation.message()).contains(SampleRecords.POLICE);
                });
    }
}
