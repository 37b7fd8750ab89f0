package org.safeguarding.exchange.service.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.exchange.service.testing.TestAgency.header;

import exchange.v1.Reminder;
import exchange.v1.ReminderKind;
import exchange.v1.ShareRequest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.safeguarding.exchange.service.ExchangeApplication;
import org.safeguarding.exchange.service.delivery.InboxPosition;
import org.safeguarding.exchange.service.delivery.ReminderDeliveries;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.testing.SampleRecords;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two service instances on one database and one broker, both running the reminder rules every 200 ms and by hand at
 * the same moments: every reminder is decided once and arrives in its inbox once. Then the two crashes the outbox
 * exists for: a reminder in the inbox whose row was never marked published is not sent again, and one whose send
 * was attempted but never committed is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReminderExactlyOnceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CASES = 10;
    private static final int REQUESTS_PER_CASE = 3;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private JdbcTemplate jdbc;
    private TestAgency school;
    private TestAgency council;

    @BeforeAll
    void startTwoInstances() {
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String instance : List.of("a", "b")) {
            List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                    "--exchange.instance-id=reminders-" + instance + "-" + run,
                    "--exchange.embedded.data-dir=" + TestKeys.DATA_DIR,
                    "--exchange.reminders.interval=PT0.2S",
                    "--spring.kafka.listener.concurrency=1",
                    "--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password()));
            arguments.addAll(TestKafka.serviceArguments());
            // Configured users: the agencies' Kafka users are the test broker's (TestKafka), not generated ones.
            TestUsers.springProperties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
            instances.add(new SpringApplicationBuilder(ExchangeApplication.class)
                    .initializers(clock::installIn)
                    .run(arguments.toArray(String[]::new)));
        }
        jdbc = instances.get(0).getBean(JdbcTemplate.class);
        int port = ((WebServerApplicationContext) instances.get(0)).getWebServer().getPort();
        assertThat(((WebServerApplicationContext) instances.get(1)).getWebServer().getPort()).isNotEqualTo(port);
        school = new TestAgency(SampleRecords.SCHOOL, TestKafka.bootstrapServers(), "http://localhost:" + port + "/registry");
        council = new TestAgency(SampleRecords.COUNCIL, TestKafka.bootstrapServers(), "http://localhost:" + port + "/registry");
    }

    @AfterAll
    void stop() {
        school.close();
        council.close();
        instances.forEach(ConfigurableApplicationContext::close);
    }

    private Map<String, List<Reminder>> remindersByCase(Set<String> cases, Function<Map<String, List<Reminder>>, Boolean> done,
            Duration wait) {
        List<ConsumerRecord<String, byte[]>> records = council.readUntil(council.inbox(),
                seen -> done.apply(decode(seen, cases)), wait);
        return decode(records, cases);
    }

    private Map<String, List<Reminder>> decode(List<ConsumerRecord<String, byte[]>> records, Set<String> cases) {
        return records.stream().filter(r -> "Reminder".equals(header(r, "exchange-record-type")) && cases.contains(r.key()))
                .map(r -> (Reminder) council.decode(r.topic(), r.value()))
                .collect(Collectors.groupingBy(Reminder::getSubjectReference));
    }

    private void awaitRegistered(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.queryForObject("select count(*) from register_entry where outcome = 'ACCEPTED'", Long.class) >= expected) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(expected + " entries were not registered within " + WAIT);
    }

    @Test
    void twoInstancesSendEachOverdueReminderExactlyOnce() throws Exception {
        Set<String> cases = new java.util.HashSet<>();
        Set<String> requestIds = new java.util.HashSet<>();
        Instant requestedAt = clock.instant().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        for (int c = 0; c < CASES; c++) {
            String caseReference = "CASE-" + UUID.randomUUID();
            cases.add(caseReference);
            for (int r = 0; r < REQUESTS_PER_CASE; r++) {
                ShareRequest request = SampleRecords.shareRequest();
                request.setCaseReference(caseReference);
                request.setRequestId("REQ-" + UUID.randomUUID());
                request.setOccurredAt(requestedAt);
                request.getRecordedBy().setRecordedAt(requestedAt.plusSeconds(60));
                requestIds.add(request.getRequestId());
                school.send("exchange.share-requests", caseReference, request);
            }
        }
        awaitRegistered(CASES * REQUESTS_PER_CASE);

        clock.advance(Duration.ofDays(10));
        // Besides both schedules, both instances run the rules by hand at the same moments.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (ConfigurableApplicationContext instance : instances) {
                    ReminderScheduler scheduler = instance.getBean(ReminderScheduler.class);
                    runs.add(pool.submit(scheduler::runOnce));
                }
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        Map<String, List<Reminder>> delivered = remindersByCase(cases, seen -> seen.keySet().containsAll(requestIds), WAIT);
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(requestIds);
        // Let both schedules run many more times, then read everything again.
        Thread.sleep(3000);
        delivered = remindersByCase(cases, seen -> seen.values().stream().anyMatch(list -> list.size() > 1), Duration.ofSeconds(5));
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(requestIds);
        assertThat(delivered.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        assertThat(delivered.values()).allSatisfy(copies -> assertThat(copies.get(0).getKind()).isEqualTo(ReminderKind.REQUEST_OVERDUE));

        assertThat(jdbc.queryForObject("select count(*) from lifecycle_reminder where kind = 'REQUEST_OVERDUE'", Long.class))
                .isEqualTo((long) requestIds.size());
        assertThat(jdbc.queryForObject("select count(*) from lifecycle_reminder where published_at is null", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from lifecycle_reminder_attempt a join lifecycle_reminder r using (reminder_id)
                 where r.kind = 'REQUEST_OVERDUE'
                """, Long.class))
                .as("one send attempt per reminder").isEqualTo((long) requestIds.size());
    }

    private Reminder bringUpReminder(String caseReference) {
        return Reminder.newBuilder().setReminderId(UUID.randomUUID().toString()).setKind(ReminderKind.CASE_BRING_UP)
                .setCaseReference(caseReference).setSubjectReference(caseReference).setAgency(SampleRecords.COUNCIL)
                .setDueAt(Instant.parse("2026-06-01T23:00:00Z")).setSentAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setMessage("Case " + caseReference + " has had no contact for six months.").build();
    }

    /** The reminder's row as the outbox keeps it, with a send attempt from the given inbox position, not marked published. */
    private void leaveInDoubt(Reminder reminder, InboxPosition attemptedFrom) {
        new TransactionTemplate(instances.get(0).getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            jdbc.update("""
                    insert into lifecycle_reminder (reminder_id, kind, subject_key, subject_reference, due_date, case_reference, agency,
                                                    due_at, sent_at, message, decided_by)
                    values (?::uuid, 'CASE_BRING_UP', ?, ?, ?, ?, ?, ?, ?, ?, 'crashed-instance')
                    """, reminder.getReminderId(), reminder.getCaseReference(), reminder.getCaseReference(),
                    java.sql.Date.valueOf(LocalDate.of(2026, 6, 2)), reminder.getCaseReference(), reminder.getAgency(),
                    Timestamp.from(reminder.getDueAt()), Timestamp.from(reminder.getSentAt()), reminder.getMessage());
            jdbc.update("""
                    insert into lifecycle_reminder_attempt (reminder_id, topic, topic_partition, from_offset, attempted_at, attempted_by)
                    values (?::uuid, ?, ?, ?, now(), 'crashed-instance')
                    """, reminder.getReminderId(), attemptedFrom.topic(), attemptedFrom.partition(), attemptedFrom.offset());
        });
    }

    private long count(String sql, String reminderId) {
        return jdbc.queryForObject(sql, Long.class, reminderId);
    }

    private void awaitPublished(String reminderId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (count("select count(*) from lifecycle_reminder where reminder_id = ?::uuid and published_at is not null", reminderId) == 0) {
            assertThat(System.nanoTime()).as("published within " + WAIT).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private List<String> reminderIdsInInbox(String caseReference) {
        return remindersByCase(Set.of(caseReference), seen -> false, Duration.ofSeconds(5))
                .getOrDefault(caseReference, List.of()).stream().map(Reminder::getReminderId).toList();
    }

    @Test
    void aReminderAlreadyInTheInboxWhenItsSenderCrashedIsNotSentAgain() throws Exception {
        ReminderDeliveries deliveries = instances.get(0).getBean(ReminderDeliveries.class);
        Reminder reminder = bringUpReminder("CASE-" + UUID.randomUUID());
        InboxPosition before = deliveries.positionBefore(reminder);
        // The crashed sender's Kafka transaction committed; its database commit (published_at) did not.
        deliveries.sendAll(List.of(reminder));
        leaveInDoubt(reminder, before);

        awaitPublished(reminder.getReminderId());
        Thread.sleep(2000); // both schedules run several more times
        assertThat(reminderIdsInInbox(reminder.getCaseReference())).containsExactly(reminder.getReminderId());
        assertThat(count("select count(*) from lifecycle_reminder_attempt where reminder_id = ?::uuid", reminder.getReminderId()))
                .as("no second attempt").isEqualTo(1L);
    }

    @Test
    void aReminderWhoseSendNeverCommittedIsSent() throws Exception {
        ReminderDeliveries deliveries = instances.get(0).getBean(ReminderDeliveries.class);
        Reminder reminder = bringUpReminder("CASE-" + UUID.randomUUID());
        // The crashed sender recorded its attempt and died before its Kafka transaction committed.
        leaveInDoubt(reminder, deliveries.positionBefore(reminder));

        awaitPublished(reminder.getReminderId());
        Thread.sleep(2000);
        assertThat(reminderIdsInInbox(reminder.getCaseReference())).containsExactly(reminder.getReminderId());
        assertThat(count("select count(*) from lifecycle_reminder_attempt where reminder_id = ?::uuid", reminder.getReminderId()))
                .as("the attempt that died and the one that sent it").isEqualTo(2L);
    }
}
