package org.safeguarding.exchange.service.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadReasonTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aChoiceFromTheListIsEnoughAndIsLoggedInWords() {
        ReadReason.Stated stated = ReadReason.of("audit", "  ", NOW);
        assertThat(stated).isInstanceOf(ReadReason.Accepted.class);
        assertThat(((ReadReason.Accepted) stated).reason().logged()).isEqualTo("Audit of how information was shared");
    }

    @Test
    void theReadersOwnWordsFollowTheChoice() {
        ReadReason reason = ((ReadReason.Accepted) ReadReason.of("legal", "Court order 2026/118", NOW)).reason();
        assertThat(reason.logged()).isEqualTo("A complaint, court or legal request: Court order 2026/118");
    }

    @Test
    void noChoiceOrAnUnknownOneIsRefused() {
        assertThat(ReadReason.of(null, "because", NOW)).isEqualTo(new ReadReason.Refused("reason", "Choose why you need to open these records"));
        assertThat(ReadReason.of("curiosity", null, NOW)).isInstanceOf(ReadReason.Refused.class);
    }

    @Test
    void anotherReasonNeedsWordsAndLongWordsAreRefused() {
        assertThat(ReadReason.of("other", " ", NOW)).isEqualTo(new ReadReason.Refused("details", "Say why you need to open these records"));
        assertThat(ReadReason.of("audit", "x".repeat(ReadReason.MAX_DETAILS + 1), NOW)).isInstanceOf(ReadReason.Refused.class);
    }

    @Test
    void aReasonHoldsForHalfAnHourInTheSession() {
        ReadReason reason = ((ReadReason.Accepted) ReadReason.of("concern", null, NOW)).reason();
        Map<String, ReadReason> session = Map.of("case:C1", reason);
        assertThat(ReadReason.holding(session, "case:C1", NOW.plus(ReadReason.HOLDS_FOR))).contains(reason);
        assertThat(ReadReason.holding(session, "case:C1", NOW.plus(ReadReason.HOLDS_FOR).plusSeconds(1))).isEmpty();
        assertThat(ReadReason.holding(session, "case:C2", NOW)).isEmpty();
    }
}
