package org.safeguarding.exchange.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.Receipt;
import exchange.v1.ReceiptStatus;
import exchange.v1.ShareRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.service.testing.ServiceProcess;
import org.safeguarding.exchange.service.testing.TestUsers;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.service.testing.TestKeys;
import org.safeguarding.exchange.signing.SigningKey;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * The exactly-once claim, tested the hard way: the service runs as a separate process and is killed with SIGKILL
 * in the middle of a stream of 20,000 messages, then started again. Every message must end registered once,
 * delivered once and answered once, as a read_committed consumer sees it, and every chain must verify.
 */
class ExactlyOnceUnderKillTest {

    private static final int MESSAGES = 20_000;
    private static final int KILL_AFTER_REGISTERED = 4_000;
    private static final String TOPIC = "exchange.share-requests";

    @Test
    void aServiceKilledMidStreamAndRestartedRegistersDeliversAndAnswersEveryMessageExactlyOnce() throws Exception {
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", database.username(),
                "spring.datasource.password", database.password(),
                "exchange.instance-id", "kill-test",
                "exchange.embedded.data-dir", TestKeys.DATA_DIR.toString(),
                "spring.main.banner-mode", "off"));
        properties.putAll(TestKafka.serviceProperties());
        Path logs = Path.of("target", "kill-test");
        ServiceProcess first = new ServiceProcess(properties, logs.resolve("first-run.log"));
        first.start(Duration.ofSeconds(120));
        ServiceProcess second = null;
        Set<String> ids = new HashSet<>();
        try (AgencyClient school = new AgencyClient(SampleRecords.SCHOOL,
                with(with(with(TestKafka.agencyConfig(SampleRecords.SCHOOL), "schema.registry.url", first.registryUrl()),
                        "basic.auth.credentials.source", "USER_INFO"), "basic.auth.user.info", TestUsers.userInfo(TestUsers.SCHOOL)));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(with(with(
                     TestKafka.agencyConfig(SampleRecords.SCHOOL), ProducerConfig.ACKS_CONFIG, "all"),
                     ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            List<ProducerRecord<String, byte[]>> stream = messages(school, ids);
            AtomicInteger sent = new AtomicInteger();
            Thread sender = new Thread(() -> {
                // A steady stream, so the kill lands in the middle of it and more arrives while the service is down.
                for (ProducerRecord<String, byte[]> record : stream) {
                    producer.send(record);
                    if (sent.incrementAndGet() % 500 == 0) {
                        producer.flush();
                        sleep(100);
                    }
                }
                producer.flush();
            }, "kill-test-sender");
            sender.start();

            long registeredAtKill = waitForRegistered(database, KILL_AFTER_REGISTERED, Duration.ofSeconds(120));
            first.kill();
            assertThat(registeredAtKill).as("killed in the middle of the stream").isLessThan(MESSAGES);

            second = new ServiceProcess(properties, logs.resolve("second-run.log"));
            second.start(Duration.ofSeconds(120));
            sender.join();
            assertThat(waitForRegistered(database, MESSAGES, Duration.ofSeconds(180))).isEqualTo(MESSAGES);

            try (Connection db = database.connect(); Statement sql = db.createStatement();
                 ResultSet rs = sql.executeQuery("select count(*), count(distinct message_id), count(*) filter (where outcome = 'ACCEPTED') from register_entry")) {
                rs.next();
                assertThat(rs.getLong(1)).as("register entries").isEqualTo(MESSAGES);
                assertThat(rs.getLong(2)).as("distinct message ids").isEqualTo(MESSAGES);
                assertThat(rs.getLong(3)).as("accepted").isEqualTo(MESSAGES);
            }
            // As the broker's administrator: the school may not read the council's inbox.
            try (AgencyClient reader = new AgencyClient(SampleRecords.SCHOOL,
                    with(TestKafka.adminConfig(), "schema.registry.url", second.registryUrl()))) {
                assertThat(countPerId(reader, "agency." + SampleRecords.COUNCIL + ".inbox", ids))
                        .as("inbox copies per message").allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1)).hasSize(MESSAGES);
                assertThat(countPerId(reader, reader.receiptsTopic(), ids)).as("receipts per message").allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1)).hasSize(MESSAGES);
            }

            HttpResponse<String> verify = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(second.httpUrl() + "/api/register/verify")).header("Authorization",
                    TestUsers.basicAuthorization(TestUsers.AUDITOR)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verify.body()).contains("\"intact\":true").contains("\"entriesChecked\":" + MESSAGES);
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    private static List<ProducerRecord<String, byte[]>> messages(AgencyClient school, Set<String> ids) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(MESSAGES);
        SigningKey key = TestKeys.signingKey(SampleRecords.SCHOOL);
        for (int i = 0; i < MESSAGES; i++) {
            ShareRequest request = SampleRecords.shareRequest();
            String caseReference = "CASE-KILL-" + (i % 400);
            request.setCaseReference(caseReference);
            request.setRequestId("REQ-KILL-" + i);
            request.setOccurredAt(now.minusSeconds(600));
            request.getRecordedBy().setRecordedAt(now.minusSeconds(60));
            String messageId = UUID.randomUUID().toString();
            ids.add(messageId);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, caseReference, school.encode(TOPIC, request));
            record.headers().add(AgencyClient.MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
            record.headers().add(AgencyClient.SENDER, SampleRecords.SCHOOL.getBytes(StandardCharsets.UTF_8));
            records.add(TestKeys.sign(record, key, messageId, SampleRecords.SCHOOL, now.toEpochMilli()));
        }
        return records;
    }

    private static long waitForRegistered(TestInfrastructure.Database database, long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        try (Connection db = database.connect(); Statement sql = db.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = sql.executeQuery("select count(*) from register_entry")) {
                    rs.next();
                    count = rs.getLong(1);
                }
                if (count >= atLeast) {
                    return count;
                }
                Thread.sleep(20);
            }
        } catch (java.sql.SQLException beforeMigrations) {
            if (System.nanoTime() < deadline) {
                Thread.sleep(200);
                return waitForRegistered(database, atLeast, Duration.ofNanos(deadline - System.nanoTime()));
            }
            throw beforeMigrations;
        }
        return count;
    }

    /** How many copies of each of our message ids a read_committed consumer finds on the topic. */
    private static Map<String, Integer> countPerId(AgencyClient reader, String topic, Set<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        // Once every id has been seen, read on for a few seconds more: a second copy would come after the first.
        long[] allSeenAt = {0};
        List<ConsumerRecord<String, byte[]>> all = reader.readFromStart(topic, seen -> {
            if (allSeenAt[0] == 0 && seen.stream().filter(r -> ids.contains(AgencyClient.header(r, AgencyClient.MESSAGE_ID)))
                    .map(r -> AgencyClient.header(r, AgencyClient.MESSAGE_ID)).distinct().count() >= ids.size()) {
                allSeenAt[0] = System.nanoTime();
            }
            return allSeenAt[0] != 0 && System.nanoTime() - allSeenAt[0] > Duration.ofSeconds(3).toNanos();
        }, Duration.ofSeconds(90));
        for (ConsumerRecord<String, byte[]> record : all) {
            String id = AgencyClient.header(record, AgencyClient.MESSAGE_ID);
            if (ids.contains(id)) {
                counts.merge(id, 1, Integer::sum);
                if (topic.endsWith(".receipts")) {
                    Receipt receipt = (Receipt) reader.decode(topic, record.value());
                    assertThat(receipt.getStatus()).isEqualTo(ReceiptStatus.ACCEPTED);
                }
            }
        }
        return counts;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> with(Map<String, Object> config, String key, Object value) {
        Map<String, Object> more = new HashMap<>(config);
        more.put(key, value);
        return more;
    }
}
