package org.safeguarding.exchange.service.delivery;

import exchange.v1.Reminder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.service.directory.Agency;
import org.safeguarding.exchange.service.directory.AgencyDirectory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes reminders into agencies' inboxes, and answers whether a reminder is already there. Each reminder goes to the
 * inbox partition its case key maps to, named in advance ({@link #positionBefore}), so that after an uncertain
 * outcome the sender can read exactly that stretch of the inbox, as a read_committed reader sees it, instead of
 * guessing (see the deadlines module's ReminderOutbox and DEADLINES.md).
 */
@Component
public class ReminderDeliveries {

    /** Sent by the exchange itself, not by an agency. */
    public static final String EXCHANGE_SENDER = "EXCHANGE";

    private final KafkaTemplate<String, byte[]> kafka;
    private final AgencyDirectory directory;
    private final ConsumerFactory<?, ?> consumers;
    private final Serializer<Object> serializer;

    ReminderDeliveries(KafkaTemplate<String, byte[]> kafka, AgencyDirectory directory, ConsumerFactory<?, ?> consumers,
            SchemaRegistryClient registry) {
        this.kafka = kafka;
        this.directory = directory;
        this.consumers = consumers;
        // Written as receipts are: Confluent framing, TopicRecordNameStrategy subject, registered on first use.
        this.serializer = new ExchangeAvroSerializer(registry, Map.of(
                ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                false);
    }

    public boolean hasInbox(String agencyCode) {
        return directory.find(agencyCode).isPresent();
    }

    /** Where in the agency's inbox the reminder will land: its partition and an offset its record cannot precede. */
    public InboxPosition positionBefore(Reminder reminder) {
        String topic = inbox(reminder.getAgency()).inboxTopic();
        try (Consumer<String, byte[]> consumer = consumer("read_committed")) {
            int partition = partitionOf(consumer.partitionsFor(topic).size(), reminder.getCaseReference());
            TopicPartition tp = new TopicPartition(topic, partition);
            // The read_committed end (the last stable offset) is at or before the log end, where the record will go.
            long offset = consumer.endOffsets(List.of(tp)).get(tp);
            return new InboxPosition(topic, partition, offset);
        }
    }

    /** Writes the reminders in one Kafka transaction: all of them are in the inboxes when this returns, or none. */
    public void sendAll(List<Reminder> reminders) {
        kafka.executeInTransaction(operations -> {
            for (Reminder reminder : reminders) {
                String topic = inbox(reminder.getAgency()).inboxTopic();
                Headers headers = new RecordHeaders();
                headers.add(ExchangeHeaders.MESSAGE_ID, ExchangeHeaders.utf8(reminder.getReminderId()));
                headers.add(ExchangeHeaders.SENDER, ExchangeHeaders.utf8(EXCHANGE_SENDER));
                headers.add(ExchangeHeaders.RECORD_TYPE, ExchangeHeaders.utf8("Reminder"));
                int partition = partitionOf(operations.partitionsFor(topic).size(), reminder.getCaseReference());
                operations.send(new ProducerRecord<>(topic, partition, reminder.getCaseReference(),
                        serializer.serialize(topic, reminder), headers));
            }
            return null;
        });
    }

    /**
     * Whether a committed record with this message id is in the inbox after {@code from}. Empty when that cannot be
     * told yet: a transaction still open before the log end (an instance that died mid-send, until it is fenced or
     * times out) holds read_committed readers back.
     */
    public Optional<Boolean> inboxHolds(InboxPosition from, String messageId, Duration wait) {
        TopicPartition tp = new TopicPartition(from.topic(), from.partition());
        long logEnd;
        try (Consumer<String, byte[]> uncommitted = consumer("read_uncommitted")) {
            logEnd = uncommitted.endOffsets(List.of(tp)).get(tp);
        }
        try (Consumer<String, byte[]> committed = consumer("read_committed")) {
            committed.assign(List.of(tp));
            committed.seek(tp, from.offset());
            long deadline = System.nanoTime() + wait.toNanos();
            while (committed.position(tp) < logEnd) {
                for (ConsumerRecord<String, byte[]> record : committed.poll(Duration.ofMillis(200))) {
                    if (messageId.equals(ExchangeHeaders.text(record.headers(), ExchangeHeaders.MESSAGE_ID))) {
                        return Optional.of(true);
                    }
                }
                if (System.nanoTime() > deadline) {
                    return Optional.empty();
                }
            }
            return Optional.of(false);
        }
    }

    private Agency inbox(String agencyCode) {
        return directory.find(agencyCode)
                .orElseThrow(() -> new IllegalArgumentException("No agency " + agencyCode + " in the directory, so no inbox"));
    }

    /** The partition Kafka's default partitioner gives the case key, fixed here so the outbox knows it in advance. */
    private static int partitionOf(int partitions, String caseReference) {
        return Utils.toPositive(Utils.murmur2(ExchangeHeaders.utf8(caseReference))) % partitions;
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer(String isolation) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringDeserializer.class);
        overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        return (Consumer<String, byte[]>) consumers.createConsumer(null, "exchange-reminder-check", null, overrides);
    }
}
