package org.safeguarding.exchange.service.hazards;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ConsentOutcome;
import exchange.v1.HazardNotification;
import exchange.v1.ShareRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.testing.SampleRecords;

class HazardsTest {

    @Test
    void a_batch_reads_the_agencies_only_of_cases_its_hazards_can_reach() {
        HazardNotification hazard = SampleRecords.hazardRaised();
        hazard.setCaseReference("CASE-ADULT");
        hazard.setLinkedChildren(List.of("PERSON-CHILD-7"));
        ConsentOutcome namingTheChild = SampleRecords.consentOutcome();
        namingTheChild.setCaseReference("CASE-CHILD-NEW");
        namingTheChild.setPersonReference("PERSON-CHILD-7");
        ConsentOutcome namingSomeoneElse = SampleRecords.consentOutcome();
        namingSomeoneElse.setCaseReference("CASE-OTHER");
        namingSomeoneElse.setPersonReference("PERSON-CHILD-9");
        ShareRequest unrelated = SampleRecords.shareRequest();
        unrelated.setCaseReference("CASE-UNRELATED");

        Set<String> cases = Hazards.casesHazardsMayReach(
                Arrays.asList(unrelated, namingSomeoneElse, null, hazard, namingTheChild),
                Map.of("PERSON-CHILD-7", Set.of("CASE-CHILD-OLD")));

        assertThat(cases).containsExactlyInAnyOrder("CASE-ADULT", "CASE-CHILD-OLD", "CASE-CHILD-NEW");
    }

    @Test
    void a_batch_without_hazards_reaches_no_case() {
        assertThat(Hazards.casesHazardsMayReach(List.of(SampleRecords.shareRequest(), SampleRecords.consentOutcome()),
                Map.of())).isEmpty();
    }
}
