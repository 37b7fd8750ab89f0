package org.safeguarding.exchange.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.embedded.BrokerCredentials;
import org.safeguarding.exchange.embedded.EmbeddedKafka;
import org.safeguarding.exchange.service.registry.StandaloneRegistry;
import org.safeguarding.exchange.service.testing.ExactlyOnceCheck;
import org.safeguarding.exchange.service.testing.ServiceProcess;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.service.testing.TrafficStream;

/**
 * The parts the exchange needs fail while messages flow: PostgreSQL is stopped for 20 seconds and started again on its
 * own files, the broker is stopped and started again on its own log, the external schema registry goes away and comes
 * back, and last the service itself is stopped with SIGTERM and started again. Intake stops without skipping anything
 * and resumes; health answers within a second throughout, DOWN naming the missing part, then UP; and afterwards every
 * message is registered, delivered and answered once.
 */
class FaultsTest {

    private static final int MESSAGES = 10_000;
    private static final int PER_SECOND = 100;
    private static final Duration DATABASE_AWAY = Duration.ofSeconds(20);
    private static final Duration BROKER_AWAY = Duration.ofSeconds(10);
    private static final Duration REGISTRY_AWAY = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void intakeStopsWithoutSkippingAndResumesAfterEachPartFailsAndHealthNamesThePart() throws Exception {
        Path root = Files.createTempDirectory("faults-test");
        Path logs = Path.of("target", "faults-test");
        int postgresPort = freePort();
        EmbeddedPostgres postgres = startPostgres(root.resolve("postgres"), postgresPort);
        TestInfrastructure.Database database = new TestInfrastructure.Database("postgres", postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres");
        BrokerCredentials credentials = BrokerCredentials.generate();
        int brokerPort = freePort();
        EmbeddedKafka broker = EmbeddedKafka.start(root.resolve("kafka"), brokerPort, credentials);
        broker.addScramUser(BrokerCredentials.SERVICE_USER, credentials.servicePassword());
        TestInfrastructure.Database registryDatabase = TestInfrastructure.freshDatabase();
        int registryPort = freePort();
        StandaloneRegistry registry = startRegistry(registryDatabase, registryPort);
        String registryUrl = registry.url();

        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "schema.registry.url", registryUrl,
                "exchange.instance-id", "faults",
                "exchange.embedded.data-dir", TestKeys.DATA_DIR.toString(),
                "exchange.reminders.interval", "PT2S",
                "exchange.checkpoints.every-seconds", "2",
                "spring.main.banner-mode", "off"));
        properties.putAll(TestKafka.serviceProperties(broker.bootstrapServers(), credentials));
        ServiceProcess service = new ServiceProcess(properties, logs.resolve("first-run.log"));
        ServiceProcess restarted = new ServiceProcess(properties, logs.resolve("second-run.log"));
        HealthWatch health = null;
        List<String> figures = new ArrayList<>();
        try {
            service.start(Duration.ofSeconds(120));
            TrafficStream stream = TrafficStream.prepare(broker.adminClientConfig(), registryUrl, MESSAGES, 20, 4);
            health = new HealthWatch(service);
            try (stream) {
                stream.start(PER_SECOND);
                ExactlyOnceCheck.waitForRegistered(database, 800, WAIT);

                Instant stopped = Instant.now();
                postgres.close();
                int sentWhenStopped = stream.sent();
                Duration down = health.awaitDown("database", stopped);
                Thread.sleep(Math.max(0, DATABASE_AWAY.toMillis() - Duration.between(stopped, Instant.now()).toMillis()));
                assertThat(stream.sent()).as("messages sent while the database was away").isGreaterThan(sentWhenStopped);
                postgres = startPostgres(root.resolve("postgres"), postgresPort);
                Instant started = Instant.now();
                figures.add(figure("PostgreSQL stopped " + DATABASE_AWAY.toSeconds() + " s", down, health.awaitUp(started),
                        ExactlyOnceCheck.waitForRecovery(database, started, WAIT)));

                stopped = Instant.now();
                broker.close();
                down = health.awaitDown("kafka", stopped);
                Thread.sleep(Math.max(0, BROKER_AWAY.toMillis() - Duration.between(stopped, Instant.now()).toMillis()));
                broker = EmbeddedKafka.start(root.resolve("kafka"), brokerPort, credentials);
                started = Instant.now();
                figures.add(figure("broker stopped " + BROKER_AWAY.toSeconds() + " s", down, health.awaitUp(started),
                        ExactlyOnceCheck.waitForRecovery(database, started, WAIT)));

                stopped = Instant.now();
                registry.close();
                down = health.awaitDown("registry", stopped);
                Thread.sleep(Math.max(0, REGISTRY_AWAY.toMillis() - Duration.between(stopped, Instant.now()).toMillis()));
                registry = startRegistry(registryDatabase, registryPort);
                started = Instant.now();
                figures.add(figure("registry away " + REGISTRY_AWAY.toSeconds() + " s", down, health.awaitUp(started),
                        ExactlyOnceCheck.waitForRecovery(database, started, WAIT)));
                health.close();

                assertThat(stream.sending()).as("SIGTERM mid-stream").isTrue();
                Duration drained = service.terminate(Duration.ofSeconds(60));
                started = Instant.now();
                restarted.start(Duration.ofSeconds(120));
                figures.add(String.format("SIGTERM: stopped %.1f s after the signal; every partition registering again %.1f s after the restart began",
                        drained.toMillis() / 1000.0, ExactlyOnceCheck.waitForRecovery(database, started, WAIT).toMillis() / 1000.0));

                stream.awaitSent(Duration.ofSeconds(180));
                ExactlyOnceCheck.Outcome outcome = ExactlyOnceCheck.check(stream, database, broker.adminClientConfig(), registryUrl,
                        restarted.httpUrl(), Duration.ofSeconds(120));
                System.out.printf("Faults: %s; slowest health answer %d ms%n  %s%n", outcome.line(), health.slowest().toMillis(),
                        String.join("\n  ", figures));
                assertThat(health.slowest()).as("every health answer").isLessThan(Duration.ofSeconds(1));
                outcome.assertEachMessageHandledOnce(MESSAGES);
            }
        } finally {
            if (health != null) {
                health.close();
            }
            service.stop();
            restarted.stop();
            registry.close();
            broker.close();
            postgres.close();
        }
    }

    private static String figure(String fault, Duration down, Duration up, Duration recovered) {
        return String.format("%s: health DOWN %.1f s after, UP %.1f s after the part returned; every partition registering again %.1f s after",
                fault, down.toMillis() / 1000.0, up.toMillis() / 1000.0, recovered.toMillis() / 1000.0);
    }

    private static EmbeddedPostgres startPostgres(Path dataDir, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    private static StandaloneRegistry startRegistry(TestInfrastructure.Database database, int port) {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", port);
        return StandaloneRegistry.start(properties);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Asks the service's health five times a second, keeping every answer and how long it took. */
    private static final class HealthWatch implements AutoCloseable {

        private record Answer(Instant at, ServiceProcess.Health health) {
        }

        private final List<Answer> answers = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        HealthWatch(ServiceProcess service) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        answers.add(new Answer(Instant.now(), service.health()));
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        answers.add(new Answer(Instant.now(), new ServiceProcess.Health(0, e.toString(), Duration.ofHours(1))));
                    }
                }
            }, "health-watch");
            thread.start();
        }

        Duration awaitDown(String component, Instant since) throws InterruptedException {
            return await(since, h -> h.statusCode() == 503 && h.down(component), component + " DOWN");
        }

        Duration awaitUp(Instant since) throws InterruptedException {
            return await(since, ServiceProcess.Health::up, "UP");
        }

        private Duration await(Instant since, Predicate<ServiceProcess.Health> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (Answer answer : answers) {
                    if (!answer.at().isBefore(since) && wanted.test(answer.health())) {
                        return Duration.between(since, answer.at().plus(answer.health().took()));
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("Health never said " + what + " within " + WAIT + "; last: "
                    + (answers.isEmpty() ? "none" : answers.get(answers.size() - 1).health()));
        }

        Duration slowest() {
            return answers.stream().map(a -> a.health().took()).max(Duration::compareTo).orElse(Duration.ZERO);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
