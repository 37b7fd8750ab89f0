package org.safeguarding.exchange.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExactlyOnceCheck;
import org.safeguarding.exchange.service.testing.ServiceProcess;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.service.testing.TrafficStream;

/**
 * Several instances sharing the intake, tested the hard way: three service processes on one broker and one database,
 * in one consumer group, under a stream of 30,000 mixed messages. One is killed with SIGKILL mid-stream, one is started
 * mid-stream, and one is stopped with SIGSTOP past its session time-out and let go on after the group has moved on, a
 * zombie whose late database commit must neither fork a chain nor double an entry; back in the group, it is stopped with
 * SIGTERM while the stream still flows, and must leave nothing half-done. Every message must end registered
 * once, delivered once and answered once as a read_committed reader sees it, every overdue request reminded once, and
 * the chains and the Merkle tree verify with the newest checkpoint covering the whole register.
 */
class ScaleOutTest {

    private static final int MESSAGES = 30_000;
    private static final int OVERDUE = 60;
    private static final int PER_SECOND = 400;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration START = Duration.ofSeconds(180);

    @Test
    void threeInstancesKilledStartedAndStoppedMidStreamHandleEveryMessageExactlyOnce() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        Path logs = Path.of("target", "scale-out-test");
        ServiceProcess killed = instance(database, "a", logs);
        ServiceProcess zombie = instance(database, "b", logs);
        ServiceProcess late = instance(database, "c", logs);
        try {
            // One after the other: the first start makes the agencies' keys and the checkpoint key the others read.
            killed.start(START);
            CompletableFuture<Void> second = startInBackground(zombie);
            TrafficStream stream = TrafficStream.prepare(TestKafka.adminConfig(), killed.registryUrl(), MESSAGES, OVERDUE, 19);
            second.join();
            try (stream) {
                stream.start(PER_SECOND);

                ExactlyOnceCheck.waitForRegistered(database, 4_000, Duration.ofSeconds(120));
                Instant killedAt = Instant.now();
                killed.kill();
                assertThat(stream.sending()).as("killed mid-stream").isTrue();
                CompletableFuture<Void> third = startInBackground(late);
                Duration afterKill = ExactlyOnceCheck.waitForRecovery(database, killedAt, Duration.ofSeconds(60));
                third.join();
                assertThat(stream.sending()).as("started mid-stream").isTrue();

                Instant pausedAt = Instant.now();
                zombie.pause();
                // Past its session time-out the group takes its partitions away; it wakes up to a poll it thinks is its own.
                Thread.sleep(SESSION_TIMEOUT.multipliedBy(2).toMillis());
                Duration afterPause = ExactlyOnceCheck.recoveredAfter(database, pausedAt);
                zombie.resume();
                assertThat(stream.sending()).as("stopped and let go on mid-stream").isTrue();
                if (afterPause == null) {
                    afterPause = ExactlyOnceCheck.waitForRecovery(database, pausedAt, Duration.ofSeconds(60));
                }
                // Back in the group, it is stopped as an orchestrator stops it, with the stream still flowing.
                Thread.sleep(SESSION_TIMEOUT.toMillis());
                assertThat(stream.sending()).as("SIGTERM mid-stream").isTrue();
                int sentAtTerm = stream.sent();
                Duration drained = zombie.terminate(Duration.ofSeconds(60));

                stream.awaitSent(Duration.ofSeconds(180));
                ExactlyOnceCheck.Outcome outcome = ExactlyOnceCheck.check(stream, database, TestKafka.adminConfig(), late.registryUrl(),
                        late.httpUrl(), Duration.ofSeconds(120));
                System.out.printf("Scale-out (3 instances): %s; every partition registering again %.1f s after SIGKILL, %.1f s after SIGSTOP;"
                        + " stopped %.1f s after SIGTERM, %d of %d messages sent by then%n", outcome.line(), afterKill.toMillis() / 1000.0,
                        afterPause.toMillis() / 1000.0, drained.toMillis() / 1000.0, sentAtTerm, MESSAGES);
                outcome.assertEachMessageHandledOnce(MESSAGES);
            }
        } finally {
            killed.stop();
            zombie.resume();
            zombie.stop();
            late.stop();
        }
    }

    private static ServiceProcess instance(TestInfrastructure.Database database, String name, Path logs) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "exchange.instance-id", "scale-out-" + name,
                "exchange.embedded.data-dir", TestKeys.DATA_DIR.toString(),
                "exchange.reminders.interval", "PT2S",
                "exchange.checkpoints.every-seconds", "2",
                "spring.kafka.consumer.properties.session.timeout.ms", String.valueOf(SESSION_TIMEOUT.toMillis()),
                "spring.kafka.consumer.properties.heartbeat.interval.ms", "1000",
                "spring.main.banner-mode", "off"));
        properties.putAll(TestKafka.serviceProperties());
        return new ServiceProcess(properties, logs.resolve("instance-" + name + ".log"));
    }

    private static CompletableFuture<Void> startInBackground(ServiceProcess instance) {
        return CompletableFuture.runAsync(() -> {
            try {
                instance.start(START);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
