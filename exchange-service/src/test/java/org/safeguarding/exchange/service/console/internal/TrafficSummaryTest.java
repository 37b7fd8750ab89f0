package org.safeguarding.exchange.service.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.register.RegisterTraffic.Count;

class TrafficSummaryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:42Z");

    @Test
    void totalsPerTopicAndSenderAndFillsQuietMinutesWithZeros() {
        TrafficSummary summary = TrafficSummary.of(List.of(
                new Count(Instant.parse("2026-12-07T10:13:00Z"), "exchange.share-requests", "SCH-OAKFIELD", "ACCEPTED", 3),
                new Count(Instant.parse("2026-12-07T10:13:00Z"), "exchange.share-requests", "SCH-OAKFIELD", "REJECTED", 1),
                new Count(Instant.parse("2026-12-07T10:15:00Z"), "exchange.hazard-notifications", "POL-HUMBERSIDE", "ACCEPTED", 2),
                new Count(Instant.parse("2026-12-07T10:15:00Z"), "exchange.share-requests", "(none)", "UNDECODABLE", 1),
                // Before the window: left out.
                new Count(Instant.parse("2026-12-07T10:12:00Z"), "exchange.share-requests", "SCH-OAKFIELD", "ACCEPTED", 50)), NOW, 3);

        assertThat(summary.perTopic()).containsExactly(
                new TrafficSummary.Row("exchange.hazard-notifications", 2, 0, 0),
                new TrafficSummary.Row("exchange.share-requests", 3, 1, 1));
        assertThat(summary.perSender()).containsExactly(
                new TrafficSummary.Row("(none)", 0, 0, 1),
                new TrafficSummary.Row("POL-HUMBERSIDE", 2, 0, 0),
                new TrafficSummary.Row("SCH-OAKFIELD", 3, 1, 0));
        assertThat(summary.minutes()).extracting(TrafficSummary.Minute::label).containsExactly("10:13", "10:14", "10:15");
        assertThat(summary.chartSeriesJson()).isEqualTo("[[1796638380,1796638440,1796638500],[3,0,2],[1,0,0],[0,0,1]]");
    }
}
