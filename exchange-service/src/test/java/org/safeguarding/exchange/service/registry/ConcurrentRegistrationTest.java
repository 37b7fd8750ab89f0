package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.service.testing.TestInfrastructure;

/**
 * Registrations racing each other, through two registry instances on one database as in a
 * deployment with several service instances.
 */
class ConcurrentRegistrationTest {

    private static final int ROUNDS = 20;

    private static StandaloneRegistry first;
    private static StandaloneRegistry second;

    @BeforeAll
    static void start() {
        var database = TestInfrastructure.freshDatabase().springProperties();
        first = StandaloneRegistry.start(database);
        second = StandaloneRegistry.start(database);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void twoThreadsRegisteringTheSameNewSchemaUnderOneSubjectGetOneIdAndOneVersion() throws Exception {
        RegistryHttp a = new RegistryHttp(first.url());
        RegistryHttp b = new RegistryHttp(second.url());
        for (int round = 0; round < ROUNDS; round++) {
            String subject = "race-same-" + round + "-value";
            String schema = "{\"type\":\"fixed\",\"name\":\"SameSubject" + round + "\",\"size\":4}";
            List<Integer> ids = race(() -> a.register(subject, schema), () -> b.register(subject, schema));
            assertThat(ids.get(0)).as("round " + round).isEqualTo(ids.get(1));
            assertThat(a.get("/subjects/" + subject + "/versions").body()).as("round " + round).isEqualTo("[1]");
        }
    }

    @Test
    void twoThreadsRegisteringTheSameNewSchemaUnderTwoSubjectsGetOneId() throws Exception {
        RegistryHttp a = new RegistryHttp(first.url());
        RegistryHttp b = new RegistryHttp(second.url());
        for (int round = 0; round < ROUNDS; round++) {
            String schema = "{\"type\":\"fixed\",\"name\":\"TwoSubjects" + round + "\",\"size\":4}";
            String subjectA = "race-a-" + round + "-value";
            String subjectB = "race-b-" + round + "-value";
            List<Integer> ids = race(() -> a.register(subjectA, schema), () -> b.register(subjectB, schema));
            assertThat(ids.get(0)).as("round " + round).isEqualTo(ids.get(1));
            assertThat(a.get("/schemas/ids/" + ids.get(0) + "/versions").json().size()).isEqualTo(2);
        }
    }

    private static List<Integer> race(Callable<Integer> one, Callable<Integer> other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(() -> {
                start.await();
                return one.call();
            });
            Future<Integer> second = threads.submit(() -> {
                start.await();
                return other.call();
            });
            return List.of(first.get(), second.get());
        } finally {
            threads.shutdownNow();
        }
    }
}
