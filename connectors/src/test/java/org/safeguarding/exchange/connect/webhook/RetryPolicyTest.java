package org.safeguarding.exchange.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.Delivered;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.GiveUp;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.Retry;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 0);

    @Test
    void twoHundredsAreDelivered() {
        assertThat(policy.afterAnswer(200, null, null, 1, NOW)).isEqualTo(new Delivered(200));
        assertThat(policy.afterAnswer(204, null, null, 3, NOW)).isEqualTo(new Delivered(204));
    }

    @Test
    void timeoutsThrottlingAndServerErrorsAreRetriedWithDoublingWaits() {
        assertThat(policy.afterAnswer(503, null, "down", 1, NOW)).isEqualTo(new Retry(Duration.ofSeconds(1), "the partner answered 503: down"));
        assertThat(policy.afterAnswer(500, null, null, 3, NOW)).isEqualTo(new Retry(Duration.ofSeconds(4), "the partner answered 500"));
        assertThat(policy.afterAnswer(408, null, null, 2, NOW)).isInstanceOf(Retry.class);
        assertThat(policy.afterAnswer(502, null, null, 40, NOW)).isEqualTo(new Retry(Duration.ofSeconds(60), "the partner answered 502"));
        assertThat(policy.afterNoAnswer("request timed out", 2)).isEqualTo(new Retry(Duration.ofSeconds(2), "no answer: request timed out"));
    }

    @Test
    void retryAfterReplacesTheComputedWait() {
        assertThat(policy.afterAnswer(429, "7", null, 1, NOW)).isEqualTo(new Retry(Duration.ofSeconds(7), "the partner answered 429"));
        assertThat(policy.afterAnswer(503, "Mon, 07 Dec 2026 10:02:00 GMT", null, 1, NOW))
                .isEqualTo(new Retry(Duration.ofMinutes(2), "the partner answered 503"));
        assertThat(RetryPolicy.retryAfter("Mon, 07 Dec 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryPolicy.retryAfter("soon", NOW)).isEmpty();
    }

    @Test
    void otherClientErrorsAreGivenUpAtOnce() {
        assertThat(policy.afterAnswer(400, null, "caseReference unknown", 1, NOW))
                .isEqualTo(new GiveUp("the partner answered 400: caseReference unknown"));
        assertThat(policy.afterAnswer(401, null, null, 1, NOW)).isInstanceOf(GiveUp.class);
        assertThat(policy.afterAnswer(409, null, null, 1, NOW)).isInstanceOf(GiveUp.class);
    }

    @Test
    void aLimitOnAttemptsGivesUpAtTheLast() {
        RetryPolicy limited = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 3);

        assertThat(limited.afterAnswer(503, null, null, 2, NOW)).isInstanceOf(Retry.class);
        assertThat(limited.afterAnswer(503, null, null, 3, NOW))
                .isEqualTo(new GiveUp("gave up after 3 attempts; the last: the partner answered 503"));
    }
}
