package org.safeguarding.exchange.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the embedded default promises across a restart: the same port, and every topic, committed record, aborted
 * transaction and consumer group offset as it was (the register in PostgreSQL outlives a restart, so the broker must).
 */
class EmbeddedKafkaRestartTest {

    private static final String INBOX = "agency.LA-HULL.inbox";
    private static final String RECEIPTS = "agency.SCH-OAKFIELD.receipts";
    private static final String CHECKPOINTS = "exchange.register-checkpoints";
    private static final String GROUP = "exchange-service";

    @TempDir
    Path logDir;

    private final BrokerCredentials credentials = BrokerCredentials.generate();

    @Test
    void aRestartOnTheSameFolderKeepsTopicsTransactionsAndOffsets() throws Exception {
        int port;
        long committedPosition;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0, credentials)) {
            port = kafka.port();
            try (Admin admin = Admin.create(kafka.adminClientConfig())) {
                admin.createTopics(List.of(new NewTopic(INBOX, 2, (short) 1), new NewTopic(RECEIPTS, 1, (short) 1),
                        new NewTopic(CHECKPOINTS, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = transactionalProducer(kafka)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(INBOX, "case-1", "referral"));
                producer.send(new ProducerRecord<>(RECEIPTS, "case-1", "registered"));
                producer.send(new ProducerRecord<>(CHECKPOINTS, "tree-1", "signed checkpoint"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(INBOX, "case-1", "never sent"));
                producer.flush();
                producer.abortTransaction();
            }
            try (KafkaConsumer<String, String> consumer = readCommitted(kafka)) {
                consumer.subscribe(List.of(RECEIPTS));
                assertThat(pollUntil(consumer, 1)).extracting(ConsumerRecord::value).containsExactly("registered");
                consumer.commitSync();
                // Past the record and the transaction's commit marker.
                committedPosition = consumer.position(new TopicPartition(RECEIPTS, 0));
            }
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(logDir, port, credentials)) {
            assertThat(restarted.bootstrapServers()).isEqualTo("localhost:" + port);
            try (Admin admin = Admin.create(restarted.adminClientConfig())) {
                assertThat(admin.listTopics().names().get()).contains(INBOX, RECEIPTS, CHECKPOINTS);
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                assertThat(offsets.get(new TopicPartition(RECEIPTS, 0)).offset()).as("the receipt read before").isEqualTo(committedPosition);
            }
            try (KafkaConsumer<String, String> consumer = readCommitted(restarted)) {
                consumer.subscribe(List.of(INBOX, CHECKPOINTS));
                assertThat(pollUntil(consumer, 2)).extracting(ConsumerRecord::value)
                        .containsExactlyInAnyOrder("referral", "signed checkpoint");
            }
            try (KafkaProducer<String, String> producer = transactionalProducer(restarted)) {
                // The transaction coordinator still knows the id: the new producer fences the old one and goes on.
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(INBOX, "case-2", "second referral"));
                producer.commitTransaction();
            }
        }
    }

    private static KafkaProducer<String, String> transactionalProducer(EmbeddedKafka kafka) {
        Map<String, Object> config = new HashMap<>(kafka.adminClientConfig());
        config.putAll(Map.of("transactional.id", "exchange-restart-test", "acks", "all"));
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> readCommitted(EmbeddedKafka kafka) {
        Map<String, Object> config = new HashMap<>(kafka.adminClientConfig());
        config.putAll(Map.of("group.id", GROUP, "isolation.level", "read_committed", "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until {@code count} records came, then a little longer to see that no more come. */
    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        return records;
    }
}
