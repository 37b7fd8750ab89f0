package org.safeguarding.exchange.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.ExactlyOnceCheck;
import org.safeguarding.exchange.service.testing.ServiceProcess;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.service.testing.TrafficStream;

/**
 * The exactly-once claim, tested the hard way: the service runs as a separate process and is killed with SIGKILL
 * in the middle of a stream of 20,000 messages, then started again. Every message must end registered once,
 * delivered once and answered once, as a read_committed consumer sees it, and every chain must verify.
 */
class ExactlyOnceUnderKillTest {

    private static final int MESSAGES = 20_000;
    private static final int KILL_AFTER_REGISTERED = 4_000;
    private static final int PER_SECOND = 5_000;

    @Test
    void aServiceKilledMidStreamAndRestartedRegistersDeliversAndAnswersEveryMessageExactlyOnce() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "exchange.instance-id", "kill-test",
                "exchange.embedded.data-dir", TestKeys.DATA_DIR.toString(),
                "exchange.checkpoints.every-seconds", "2",
                "spring.main.banner-mode", "off"));
        properties.putAll(TestKafka.serviceProperties());
        Path logs = Path.of("target", "kill-test");
        ServiceProcess first = new ServiceProcess(properties, logs.resolve("first-run.log"));
        ServiceProcess second = new ServiceProcess(properties, logs.resolve("second-run.log"));
        try {
            first.start(Duration.ofSeconds(120));
            TrafficStream stream = TrafficStream.prepare(TestKafka.adminConfig(), first.registryUrl(), MESSAGES, 0, 20);
            try (stream) {
                // A steady stream, so the kill lands in the middle of it and more arrives while the service is down.
                stream.start(PER_SECOND);
                long registeredAtKill = ExactlyOnceCheck.waitForRegistered(database, KILL_AFTER_REGISTERED, Duration.ofSeconds(120));
                first.kill();
                assertThat(registeredAtKill).as("killed in the middle of the stream").isLessThan(MESSAGES);

                second.start(Duration.ofSeconds(120));
                stream.awaitSent(Duration.ofSeconds(120));
                ExactlyOnceCheck.Outcome outcome = ExactlyOnceCheck.check(stream, database, TestKafka.adminConfig(), second.registryUrl(),
                        second.httpUrl(), Duration.ofSeconds(180));
                outcome.assertEachMessageHandledOnce(MESSAGES);
            }
        } finally {
            first.stop();
            second.stop();
        }
    }
}
