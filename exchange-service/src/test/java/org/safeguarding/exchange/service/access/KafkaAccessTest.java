package org.safeguarding.exchange.service.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.embedded.BrokerCredentials;
import org.safeguarding.exchange.service.contract.ExchangeTopics;
import org.safeguarding.exchange.service.contract.IntakeTopic;
import org.safeguarding.exchange.service.testing.ExchangeServiceTest;
import org.safeguarding.exchange.service.testing.TestAgency;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * What an agency may do on the real SASL broker once the service has applied its directory's ACLs: the school (A)
 * against the council (B). Each refusal is checked beside the same act on the school's own topic, group or
 * transactional id, so that what is refused is the other's name, not the act.
 */
class KafkaAccessTest extends ExchangeServiceTest {

    private static final String SCHOOL = SampleRecords.SCHOOL;
    private static final String COUNCIL = SampleRecords.COUNCIL;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anAgencyCanWriteTheIntakeTopicsAndReadItsOwnInbox() {
        TestAgency school = agency(SCHOOL);
        TestAgency council = agency(COUNCIL);
        ShareRequest request = SampleRecords.shareRequest();
        request.setCaseReference("CASE-ACCESS-" + UUID.randomUUID());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        request.setOccurredAt(now.minusSeconds(600));
        request.getRecordedBy().setRecordedAt(now.minusSeconds(60));
        String messageId = school.send(IntakeTopic.SHARE_REQUESTS.topic(), request.getCaseReference(), request);

        assertThat(council.readUntil(council.inbox(), seen -> seen.stream().anyMatch(r -> messageId.equals(
                TestAgency.header(r, TestAgency.MESSAGE_ID))), WAIT)).as("the council's inbox, read by the council")
                .anyMatch(r -> messageId.equals(TestAgency.header(r, TestAgency.MESSAGE_ID)));
        assertThat(school.receipt(messageId, WAIT).getStatus().name()).isEqualTo("ACCEPTED");
        try (KafkaProducer<String, byte[]> producer = producer(TestKafka.agencyConfig(SCHOOL))) {
            for (String intake : IntakeTopic.names()) {
                // Undecodable bytes: the exchange answers them with a rejection; what matters here is that Kafka took them.
                assertThat(send(producer, intake)).as(intake).isNull();
            }
        }
    }

    @Test
    void anAgencyCannotReadAnotherAgencysInboxOrReceipts() {
        for (String topic : List.of(inbox(COUNCIL), receipts(COUNCIL))) {
            assertThatThrownBy(() -> pollOnce(TestKafka.agencyConfig(SCHOOL), SCHOOL, topic)).as(topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        pollOnce(TestKafka.agencyConfig(SCHOOL), SCHOOL, inbox(SCHOOL));
        pollOnce(TestKafka.agencyConfig(SCHOOL), SCHOOL, receipts(SCHOOL));
    }

    @Test
    void anAgencyCannotJoinAGroupUnderAnotherAgencysPrefix() {
        assertThatThrownBy(() -> pollOnce(TestKafka.agencyConfig(SCHOOL), COUNCIL, inbox(SCHOOL)))
                .isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> pollOnce(TestKafka.agencyConfig(SCHOOL), null, inbox(SCHOOL)))
                .as("a group outside every agency's prefix").isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void anAgencyCannotUseTheServicesTransactionalIds() {
        Map<String, Object> config = new HashMap<>(TestKafka.agencyConfig(SCHOOL));
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, AclPlan.SERVICE_PREFIX + "exchange-1-0");
        try (KafkaProducer<String, byte[]> producer = producer(config)) {
            assertThatThrownBy(producer::initTransactions).isInstanceOf(TransactionalIdAuthorizationException.class);
        }
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "agency." + COUNCIL + ".sender-0");
        try (KafkaProducer<String, byte[]> producer = producer(config)) {
            assertThatThrownBy(producer::initTransactions).as("nor another agency's")
                    .isInstanceOf(TransactionalIdAuthorizationException.class);
        }
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "agency." + SCHOOL + ".sender-0");
        try (KafkaProducer<String, byte[]> producer = producer(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(IntakeTopic.SHARE_REQUESTS.topic(), "CASE-TX", bytes()));
            producer.abortTransaction();
        }
    }

    @Test
    void anAgencyCannotWriteAnotherAgencysInboxOrTheDeadLetterTopic() {
        try (KafkaProducer<String, byte[]> producer = producer(TestKafka.agencyConfig(SCHOOL))) {
            for (String topic : List.of(inbox(COUNCIL), receipts(COUNCIL), inbox(SCHOOL), IntakeTopic.DEAD_LETTER,
                    ExchangeTopics.REGISTER_CHECKPOINTS)) {
                assertThat(send(producer, topic)).as(topic).isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = new HashMap<>(TestKafka.agencyConfig(SCHOOL));
        config.put("sasl.jaas.config", BrokerCredentials.scramJaas("sch-oakfield", "not-the-password"));
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutSaslIsRefused() {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers(), "default.api.timeout.ms", 5_000,
                "request.timeout.ms", 2_000);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("no answer to anyone who does not say who they are")
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    /** Subscribes and polls once, with a group under this agency's prefix (or none, for null). */
    private static void pollOnce(Map<String, Object> client, String groupOf, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupOf == null ? "reader-" + UUID.randomUUID()
                : "agency." + groupOf + ".reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(200));
            }
            assertThat(consumer.assignment()).as("partitions of " + topic).isNotEmpty();
        }
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one record; returns why it was refused, or null when the broker took it. */
    private static Throwable send(KafkaProducer<String, byte[]> producer, String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "CASE-ACCESS", bytes());
        record.headers().add(TestAgency.MESSAGE_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("exchange-sender", SCHOOL.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private static byte[] bytes() {
        return "not a contract record".getBytes(StandardCharsets.UTF_8);
    }

    private static String inbox(String agency) {
        return "agency." + agency + ".inbox";
    }

    private static String receipts(String agency) {
        return "agency." + agency + ".receipts";
    }
}
