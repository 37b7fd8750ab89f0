package org.safeguarding.exchange.service.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.audit.CaseTimeline;
import org.safeguarding.exchange.service.register.EntryView;

class CaseChainTest {

    private static EntryView entry(long sequence, String type, String outcome, String requestId, String from, String to) {
        return new EntryView(sequence, "m" + sequence, outcome, type, "CASE-1", from, List.of(to), null, null, null, null, null, null,
                false, List.of(), "[]", "c/0", sequence, "00", "11", "topic", 0, sequence, 1, 10, null, requestId, from, null);
    }

    @Test
    void linksARequestToItsConsentOutcomesToItsDecisionsAndPutsHazardsApart() {
        CaseTimeline timeline = CaseTimeline.of("CASE-1", List.of(
                entry(1, "ShareRequest", "ACCEPTED", "R1", "SCH-OAKFIELD", "LA-HULL"),
                entry(2, "ConsentOutcome", "ACCEPTED", "R1", "LA-HULL", "SCH-OAKFIELD"),
                entry(3, "ConsentOutcome", "REJECTED", "R1", "LA-HULL", "SCH-OAKFIELD"),
                entry(4, "ShareDecision", "ACCEPTED", "R1", "LA-HULL", "SCH-OAKFIELD"),
                entry(5, "HazardNotification", "ACCEPTED", null, "POL-HUMBERSIDE", "LA-HULL"),
                entry(6, "HazardNotification", "ACCEPTED", null, "POL-HUMBERSIDE", "LA-HULL")));

        CaseChain chain = CaseChain.of(timeline);

        assertThat(chain.nodes()).extracting(CaseChain.Node::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(chain.edges()).extracting(e -> e.from() + ">" + e.to()).containsExactly("1>2", "1>3", "2>4", "3>4", "5>6");
        assertThat(chain.bands()).extracting(CaseChain.Band::label).containsExactly("Request R1",
                "Not linked to a request (hazards, proactive disclosures), in register order");
        CaseChain.Node request = chain.nodes().get(0);
        CaseChain.Node consent = chain.nodes().get(1);
        CaseChain.Node decision = chain.nodes().get(3);
        assertThat(consent.x()).isGreaterThan(request.x());
        assertThat(decision.x()).isGreaterThan(consent.x());
        assertThat(chain.nodes().get(2).y()).isGreaterThan(consent.y());
        assertThat(chain.nodes().get(4).y()).isGreaterThan(chain.nodes().get(2).y());
        // Not by colour alone: a rejected entry says so in its own words, and its box is drawn dashed.
        assertThat(chain.nodes().get(2).accepted()).isFalse();
        assertThat(chain.nodes().get(2).lines()).anyMatch(line -> line.startsWith("REJECTED"));
        assertThat(chain.width()).isGreaterThanOrEqualTo(decision.x() + CaseChain.NODE_WIDTH);
        assertThat(chain.height()).isGreaterThanOrEqualTo(chain.nodes().get(5).y() + CaseChain.NODE_HEIGHT);
    }
}
