package org.safeguarding.exchange.service.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgesTest {

    @Test
    void saysHowLongAgoInWords() {
        assertThat(Ages.text(Duration.ofSeconds(1))).isEqualTo("1 second");
        assertThat(Ages.text(Duration.ofSeconds(59))).isEqualTo("59 seconds");
        assertThat(Ages.text(Duration.ofMinutes(12))).isEqualTo("12 minutes");
        assertThat(Ages.text(Duration.ofMinutes(185))).isEqualTo("3 hours 5 minutes");
        assertThat(Ages.text(Duration.ofHours(2))).isEqualTo("2 hours");
        assertThat(Ages.text(Duration.ofDays(3).plusHours(4))).isEqualTo("3 days");
        assertThat(Ages.text(Duration.ofSeconds(-5))).isEqualTo("0 seconds");
    }
}
