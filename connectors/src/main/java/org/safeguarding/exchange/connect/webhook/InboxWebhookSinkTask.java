package org.safeguarding.exchange.connect.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.v1.DeliveryConfirmation;
import exchange.v1.DeliveryOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.safeguarding.exchange.agency.AgencyClient;
import org.safeguarding.exchange.connect.Version;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.Decision;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.Delivered;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.GiveUp;
import org.safeguarding.exchange.connect.webhook.RetryPolicy.Retry;
import org.safeguarding.exchange.json.ContractJson;
import org.safeguarding.exchange.registry.client.RegistryUnreachableException;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.signing.MessageSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers inbox messages one at a time, in partition order. A message the partner should get again later (408, 429,
 * 5xx, no answer) stops the batch: the task asks the worker to wait ({@code context.timeout}) and throws
 * {@link RetriableException}, and the worker hands the same batch back; messages already delivered are skipped by
 * offset. Every outcome is written as a {@link DeliveryConfirmation}, a refusal also to the dead-letter topic, and
 * only then does the task move on, so offsets the worker commits are of messages whose outcome is on Kafka.
 */
public class InboxWebhookSinkTask extends SinkTask {

    public static final String IDEMPOTENCY_KEY = "idempotency-key";
    public static final String SENDER = "exchange-sender";
    public static final String RECORD_TYPE = "exchange-record-type";
    public static final String MESSAGE_ID = "exchange-message-id";
    /** Headers the exchange's dead-letter topic uses too (docs/CONTRACT.md). */
    public static final String ERROR = "exchange-error";
    public static final String ORIGINAL_TOPIC = "exchange-original-topic";
    public static final String ORIGINAL_PARTITION = "exchange-original-partition";
    public static final String ORIGINAL_OFFSET = "exchange-original-offset";
    /** The sender of a confirmation: the exchange, which runs this connector (connectors/README.md). */
    public static final String EXCHANGE_SENDER = "EXCHANGE";

    private static final Logger LOG = LoggerFactory.getLogger(InboxWebhookSinkTask.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private InboxWebhookConfig config;
    private PartnerEndpoint endpoint;
    private RetryPolicy retries;
    private ExchangeAvroDeserializer deserializer;
    private ExchangeAvroSerializer serializer;
    private KafkaProducer<String, byte[]> producer;
    /** The last offset per partition whose outcome is on Kafka. */
    private final Map<TopicPartition, Long> done = new HashMap<>();
    /** The message of each partition being retried, and how many requests it has taken. */
    private final Map<TopicPartition, Attempts> attempts = new HashMap<>();

    /** Requests made for the message at {@code offset}, and when the next may be made. */
    private record Attempts(long offset, int count, Instant notBefore) {
    }

    /** A wait this short is slept in put(); a longer one goes back to the worker, which keeps polling meanwhile. */
    private static final Duration SLEEP_AT_MOST = Duration.ofSeconds(2);

    public InboxWebhookSinkTask() {
        this(Clock.systemUTC());
    }

    InboxWebhookSinkTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new InboxWebhookConfig(props);
        endpoint = new PartnerEndpoint(config, clock);
        retries = config.retryPolicy();
        Map<String, Object> serde = new HashMap<>(config.registrySettings());
        serde.put(ExchangeAvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        serde.putIfAbsent(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true);
        serde.putIfAbsent(ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
        deserializer = new ExchangeAvroDeserializer();
        deserializer.configure(serde, false);
        serializer = new ExchangeAvroSerializer();
        serializer.configure(serde, false);
        Map<String, Object> producerSettings = new HashMap<>(config.producerSettings());
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            long offset = record.originalKafkaOffset();
            Long last = done.get(partition);
            if (last != null && offset <= last) {
                continue;
            }
            deliver(record, partition, offset);
            done.put(partition, offset);
            attempts.remove(partition);
        }
    }

    private void deliver(SinkRecord record, TopicPartition partition, long offset) {
        Message message;
        try {
            message = message(record);
        } catch (RegistryUnreachableException e) {
            context.timeout(retries.backoff(1).toMillis());
            throw new RetriableException("The schema registry cannot be reached: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            finish(record, message(record, null), new GiveUp("the message cannot be decoded: " + e.getMessage()), 0, null);
            return;
        }
        Attempts before = attempts.get(partition);
        if (before != null && before.offset() == offset) {
            waitUntil(before.notBefore());
        }
        int attempt = before != null && before.offset() == offset ? before.count() + 1 : 1;
        attempts.put(partition, new Attempts(offset, attempt, Instant.MIN));
        Decision decision;
        Integer status = null;
        try {
            PartnerEndpoint.Answer answer = endpoint.post(message.body(), message.headers());
            status = answer.status();
            decision = retries.afterAnswer(answer.status(), answer.retryAfter(), answer.start(), attempt, clock.instant());
        } catch (IOException e) {
            decision = retries.afterNoAnswer(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), attempt);
        } catch (IllegalArgumentException e) {
            // A header value no HTTP request may carry (a line break in the sender, say): no retry will change it.
            decision = new GiveUp("the request cannot be made: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while delivering " + message.messageId(), e);
        }
        if (decision instanceof Retry retry) {
            LOG.info("Message {} ({} offset {}) to be tried again in {}: {}", message.messageId(), partition, offset, retry.delay(),
                    retry.why());
            attempts.put(partition, new Attempts(offset, attempt, clock.instant().plus(retry.delay())));
            context.timeout(retry.delay().toMillis());
            throw new RetriableException(retry.why());
        }
        finish(record, message, decision, attempt, status);
    }

    /**
     * The worker may hand a batch back before the wait it was asked for is over (when offsets fall due for commit), so
     * the wait is kept here too.
     */
    private void waitUntil(Instant notBefore) {
        Duration left = Duration.between(clock.instant(), notBefore);
        if (left.isNegative() || left.isZero()) {
            return;
        }
        if (left.compareTo(SLEEP_AT_MOST) > 0) {
            context.timeout(left.toMillis());
            throw new RetriableException("Waiting " + left + " before trying the partner again");
        }
        try {
            Thread.sleep(left.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to try the partner again", e);
        }
    }

    /** Writes the outcome (and a refused message to the dead-letter topic) and waits until Kafka has them. */
    private void finish(SinkRecord record, Message message, Decision decision, int attempt, Integer status) {
        boolean delivered = decision instanceof Delivered;
        String reason = decision instanceof GiveUp giveUp ? giveUp.why() : null;
        try {
            // Encoded first: a registry that cannot be reached then leaves nothing half written.
            ProducerRecord<String, byte[]> confirmation = confirmation(record, message, delivered, status, reason, attempt);
            if (!delivered) {
                LOG.warn("Message {} ({} offset {}) dead-lettered: {}", message.messageId(), record.originalTopic(),
                        record.originalKafkaOffset(), reason);
                producer.send(deadLetter(record, reason)).get();
            }
            producer.send(confirmation).get();
        } catch (ExecutionException e) {
            throw new RetriableException("Cannot write the outcome of " + message.messageId() + ": " + e.getCause(), e.getCause());
        } catch (RegistryUnreachableException e) {
            // The message is sent again once the registry answers: the partner sees the same Idempotency-Key.
            context.timeout(retries.backoff(attempt).toMillis());
            throw new RetriableException("Cannot encode the confirmation of " + message.messageId() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while writing the outcome of " + message.messageId(), e);
        }
    }

    private ProducerRecord<String, byte[]> deadLetter(SinkRecord record, String reason) {
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(config.getString(InboxWebhookConfig.DEAD_LETTER_TOPIC),
                key(record), (byte[]) record.value());
        for (Header header : record.headers()) {
            out.headers().add(header.key(), bytes(header.value()));
        }
        out.headers().add(ERROR, utf8(reason));
        out.headers().add(ORIGINAL_TOPIC, utf8(record.originalTopic()));
        out.headers().add(ORIGINAL_PARTITION, utf8(Integer.toString(record.originalKafkaPartition())));
        out.headers().add(ORIGINAL_OFFSET, utf8(Long.toString(record.originalKafkaOffset())));
        return out;
    }

    private ProducerRecord<String, byte[]> confirmation(SinkRecord record, Message message, boolean delivered, Integer status,
            String reason, int attempts) {
        String id = UUID.nameUUIDFromBytes(utf8("delivery-confirmation:" + config.agencyCode() + ":" + record.originalTopic() + ":"
                + record.originalKafkaPartition() + ":" + record.originalKafkaOffset())).toString();
        DeliveryConfirmation confirmation = DeliveryConfirmation.newBuilder()
                .setConfirmationId(id)
                .setMessageId(message.messageId())
                .setSender(message.sender())
                .setRecipientAgency(config.agencyCode())
                .setCaseReference(message.caseReference())
                .setRecordType(message.recordType())
                .setOutcome(delivered ? DeliveryOutcome.DELIVERED : DeliveryOutcome.FAILED)
                .setHttpStatus(status)
                .setReason(reason)
                .setEndpoint(endpoint.origin())
                .setAttempts(attempts)
                .setInboxPartition(record.originalKafkaPartition())
                .setInboxOffset(record.originalKafkaOffset())
                .setConfirmedAt(clock.instant())
                .build();
        String topic = config.getString(InboxWebhookConfig.CONFIRMATIONS_TOPIC);
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(topic, message.caseReference(), serializer.serialize(topic, confirmation));
        out.headers().add(AgencyClient.MESSAGE_ID, utf8(id));
        out.headers().add(AgencyClient.SENDER, utf8(EXCHANGE_SENDER));
        return out;
    }

    /** An inbox message as the partner gets it: the JSON body and the headers that say what it is. */
    private record Message(String messageId, String sender, String caseReference, String recordType, byte[] body,
            Map<String, String> headers) {
    }

    private Message message(SinkRecord record) {
        byte[] value = (byte[]) record.value();
        Object decoded = deserializer.deserialize(record.originalTopic(), value);
        if (!(decoded instanceof IndexedRecord readable)) {
            throw new IllegalArgumentException("not a record but " + (decoded == null ? "nothing" : decoded.getClass().getSimpleName()));
        }
        return message(record, readable);
    }

    /** With {@code readable} null: the identifying parts only, for a message that cannot be decoded. */
    private Message message(SinkRecord record, IndexedRecord readable) {
        String messageId = header(record, MESSAGE_ID);
        if (messageId == null) {
            // Every inbox message carries one; a stand-in keyed by position stays the same across redeliveries.
            messageId = record.originalTopic() + "/" + record.originalKafkaPartition() + "/" + record.originalKafkaOffset();
        }
        String sender = header(record, SENDER) == null ? "" : header(record, SENDER);
        String recordType = readable == null ? "" : readable.getSchema().getFullName();
        String caseReference = key(record) == null ? "" : key(record);
        if (readable == null) {
            return new Message(messageId, sender, caseReference, recordType, new byte[0], Map.of());
        }
        ObjectNode body = JSON.createObjectNode()
                .put("messageId", messageId)
                .put("sender", sender)
                .put("recipient", config.agencyCode())
                .put("recordType", recordType)
                .put("caseReference", caseReference);
        try {
            body.set("message", JSON.readTree(ContractJson.of(readable)));
        } catch (IOException e) {
            throw new IllegalStateException("The contract's JSON form did not parse", e);
        }
        if (config.includeBytes()) {
            body.put("bytes", Base64.getEncoder().encodeToString((byte[]) record.value()));
            ObjectNode signature = body.putObject("senderSignature");
            signature.put("sentAt", header(record, MessageSignature.SENT_AT_HEADER));
            signature.put("keyId", header(record, MessageSignature.KEY_ID_HEADER));
            signature.put("signature", header(record, MessageSignature.SIGNATURE_HEADER));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IDEMPOTENCY_KEY, messageId);
        headers.put(SENDER, sender);
        headers.put(RECORD_TYPE, recordType);
        try {
            return new Message(messageId, sender, caseReference, recordType, JSON.writeValueAsBytes(body), headers);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree did not write", e);
        }
    }

    private static String key(SinkRecord record) {
        Object key = record.key();
        return key == null ? null : key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key.toString();
    }

    private static String header(SinkRecord record, String name) {
        Header header = record.headers().lastWithName(name);
        if (header == null || header.value() == null) {
            return null;
        }
        return header.value() instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : header.value().toString();
    }

    private static byte[] bytes(Object headerValue) {
        return headerValue == null ? null : headerValue instanceof byte[] b ? b : utf8(headerValue.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Commits up to the last message whose outcome is on Kafka, also in the middle of a batch being retried. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>(currentOffsets);
        done.forEach((partition, offset) -> commit.merge(partition, new OffsetAndMetadata(offset + 1),
                (current, ours) -> current.offset() >= ours.offset() ? current : ours));
        commit.keySet().retainAll(currentOffsets.keySet());
        return commit;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        // Another task may take these over: what it delivers is its own to remember.
        partitions.forEach(p -> {
            done.remove(p);
            attempts.remove(p);
        });
    }

    @Override
    public void stop() {
        if (producer != null) {
            producer.close();
        }
        if (deserializer != null) {
            deserializer.close();
        }
    }
}
