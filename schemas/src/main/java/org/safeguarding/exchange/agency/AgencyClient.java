package org.safeguarding.exchange.agency;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.signing.MessageSignature;
import org.safeguarding.exchange.signing.SigningKey;

/**
 * The smallest useful agency-side client of the exchange: sends contract records with the headers the contract
 * requires ({@code exchange-message-id}, {@code exchange-sender}), keyed by case reference, and reads the agency's
 * inbox and receipts. Any Kafka client configured with the same keys does the same; this one saves the typing.
 *
 * <p>{@code config} carries Kafka's and the serde's keys, e.g. {@code bootstrap.servers} and
 * {@code schema.registry.url}, and how the agency signs in ({@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}); values are serialized with TopicRecordNameStrategy, as the intake topics require. The
 * exchange's embedded default writes all of them for each agency into one file, which {@link #fromSettingsFile} reads.
 * The agency's consumer groups start {@code agency.<CODE>.}, the only ones its Kafka user may use. With
 * {@value SigningKey#KEY_ID} and {@value SigningKey#PRIVATE_KEY} set, every message is signed ({@link MessageSignature}).
 */
public final class AgencyClient implements AutoCloseable {

    public static final String MESSAGE_ID = "exchange-message-id";
    public static final String SENDER = "exchange-sender";

    private final String agencyCode;
    private final Map<String, Object> config;
    private final KafkaProducer<String, byte[]> producer;
    private final ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
    private final ExchangeAvroDeserializer deserializer = new ExchangeAvroDeserializer();
    private final SigningKey signingKey;

    public AgencyClient(String agencyCode, Map<String, ?> config) {
        this.agencyCode = agencyCode;
        Map<String, Object> merged = new HashMap<>();
        merged.put("auto.register.schemas", true);
        merged.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        merged.put("specific.avro.reader", true);
        merged.put(ProducerConfig.ACKS_CONFIG, "all");
        merged.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        merged.putAll(config);
        this.config = merged;
        this.signingKey = SigningKey.fromConfig(merged);
        serializer.configure(merged, false);
        deserializer.configure(merged, false);
        producer = new KafkaProducer<>(producerOnly(merged), new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * A client configured from an agency's settings file (Java properties: Kafka's and the serde's keys), such as the
     * {@code <data-dir>/agencies/<CODE>.properties} the exchange's embedded default writes.
     */
    public static AgencyClient fromSettingsFile(String agencyCode, Path settingsFile) {
        return new AgencyClient(agencyCode, settings(settingsFile));
    }

    /** The entries of a settings file, to adjust before making a client with them. */
    public static Map<String, Object> settings(Path settingsFile) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the agency settings in " + settingsFile, e);
        }
        Map<String, Object> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String inboxTopic() {
        return "agency." + agencyCode + ".inbox";
    }

    public String receiptsTopic() {
        return "agency." + agencyCode + ".receipts";
    }

    /** What this agency's consumer groups and transactional ids start with: the only ones its Kafka user may use. */
    public String ownPrefix() {
        return "agency." + agencyCode + ".";
    }

    /** The Confluent-framed bytes of a record, as they would be sent to the topic. */
    public byte[] encode(String topic, SpecificRecord record) {
        return serializer.serialize(topic, record);
    }

    /** Sends a record under a fresh message id, waits for the broker's acknowledgement, and returns the id. */
    public String send(String topic, String caseReference, SpecificRecord record) {
        String messageId = UUID.randomUUID().toString();
        sendBytes(topic, caseReference, encode(topic, record), messageId, agencyCode);
        return messageId;
    }

    /**
     * Sends bytes with the given headers; a null header is left out. Signed, when this client has a signing key and
     * both headers are given. For retries (same id) and for tests.
     */
    public void sendBytes(String topic, String key, byte[] value, String messageId, String sender) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        if (messageId != null) {
            record.headers().add(MESSAGE_ID, messageId.getBytes(StandardCharsets.UTF_8));
        }
        if (sender != null) {
            record.headers().add(SENDER, sender.getBytes(StandardCharsets.UTF_8));
        }
        if (signingKey != null && messageId != null && sender != null) {
            long sentAt = System.currentTimeMillis();
            byte[] signature = MessageSignature.sign(signingKey.privateKey(),
                    MessageSignature.signedBytesOfValue(messageId, sender, sentAt, value));
            MessageSignature.addHeaders(record.headers(), signingKey.keyId(), sentAt, signature);
        }
        sendRecord(record);
    }

    /** Sends a record exactly as given (headers and all) and waits for the broker's acknowledgement. */
    public void sendRecord(ProducerRecord<String, byte[]> record) {
        String topic = record.topic();
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Decodes bytes read from an exchange topic into the generated record class. */
    public Object decode(String topic, byte[] bytes) {
        return deserializer.deserialize(topic, bytes);
    }

    /**
     * Reads a topic from its beginning, with read_committed isolation (only what the exchange committed), until
     * {@code done} holds for the records read so far or the timeout passes.
     */
    public List<ConsumerRecord<String, byte[]>> readFromStart(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
            Duration timeout) {
        Map<String, Object> props = new HashMap<>(consumerOnly(config));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, ownPrefix() + "reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && !done.test(seen)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /**
     * Reads a topic from its beginning to its current end (with read_committed isolation, the end is the last
     * committed message), or until the timeout passes.
     */
    public List<ConsumerRecord<String, byte[]>> readToEnd(String topic, Duration timeout) {
        Map<String, Object> props = new HashMap<>(consumerOnly(config));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> producerOnly(Map<String, Object> config) {
        Map<String, Object> props = new HashMap<>();
        config.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        return props;
    }

    private static Map<String, Object> consumerOnly(Map<String, Object> config) {
        Map<String, Object> props = new HashMap<>();
        config.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                props.put(k, v);
            }
        });
        return props;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        serializer.close();
        deserializer.close();
    }
}
