package org.safeguarding.exchange.service.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProbeTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void saysUnknownUntilTheFirstCheckEnds() {
        Probe probe = new Probe(() -> Map.of(), Duration.ofMillis(800), nanos::get);

        assertThat(probe.now().status()).isEqualTo(Probe.Status.UNKNOWN);
    }

    @Test
    void givesTheLastAnswerAndItsDetails() {
        Probe probe = new Probe(() -> Map.of("brokers", 3), Duration.ofMillis(800), nanos::get);

        probe.run();

        assertThat(probe.now()).isEqualTo(Probe.Result.up(Map.of("brokers", 3)));
    }

    @Test
    void aFailedCheckIsDownWithItsDeepestCause() {
        Probe probe = new Probe(() -> {
            throw new IllegalStateException("wrapper", new java.net.ConnectException("Connection refused"));
        }, Duration.ofMillis(800), nanos::get);

        probe.run();

        assertThat(probe.now()).isEqualTo(Probe.Result.down("ConnectException: Connection refused"));
    }

    @Test
    void aCheckWaitingPastItsTimeLimitIsDownWhileItWaits() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch answer = new CountDownLatch(1);
        Probe probe = new Probe(() -> {
            started.countDown();
            if (started.getCount() == 0) {
                answer.await();
            }
            return Map.of();
        }, Duration.ofMillis(800), nanos::get);
        probe.run();
        Thread waiting = new Thread(probe::run);
        waiting.start();
        started.await();

        nanos.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(probe.now().status()).as("within the limit: the last answer").isEqualTo(Probe.Status.UP);
        nanos.addAndGet(Duration.ofMillis(700).toNanos());
        assertThat(probe.now()).isEqualTo(Probe.Result.down("no answer for 1200 ms"));

        answer.countDown();
        waiting.join();
        assertThat(probe.now().status()).isEqualTo(Probe.Status.UP);
    }
}
