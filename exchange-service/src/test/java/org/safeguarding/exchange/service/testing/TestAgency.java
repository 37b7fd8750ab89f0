package org.safeguarding.exchange.service.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.safeguarding.exchange.agency.AgencyClient;

/**
 * A partner agency as the tests drive it: the agency-side client, pointed at the service under test, signed in as the
 * agency's own Kafka user ({@link TestKafka#agencyConfig}) and logging in to the registry as the agency's
 * {@link TestUsers} user where there is one, and signing with the key the service under test made for it
 * ({@link TestKeys}).
 */
public final class TestAgency implements AutoCloseable {

    public static final String MESSAGE_ID = AgencyClient.MESSAGE_ID;

    private final AgencyClient client;

    /** The agency on the shared test broker ({@code bootstrapServers} is {@link TestKafka}'s). */
    public TestAgency(String code, String bootstrapServers, String registryUrl) {
        this(code, withRegistry(code, TestKafka.agencyConfig(code), bootstrapServers, registryUrl,
                TestUsers.ofAgency(code).map(TestUsers::userInfo).orElse(null)));
    }

    /** The agency with these client settings, e.g. those of its settings file. */
    public TestAgency(String code, Map<String, ?> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        client = new AgencyClient(code, config);
    }

    private static Map<String, Object> withRegistry(String code, Map<String, Object> kafka, String bootstrapServers, String registryUrl,
            String registryUserInfo) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.putAll(TestKeys.signingSettings(code));
        config.put("bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", registryUrl);
        if (registryUserInfo != null) {
            config.put("basic.auth.credentials.source", "USER_INFO");
            config.put("basic.auth.user.info", registryUserInfo);
        }
        return config;
    }

    public String code() {
        return client.agencyCode();
    }

    public String inbox() {
        return client.inboxTopic();
    }

    public String receipts() {
        return client.receiptsTopic();
    }

    public byte[] encode(String topic, SpecificRecord record) {
        return client.encode(topic, record);
    }

    public String send(String topic, String caseReference, SpecificRecord record) {
        return client.send(topic, caseReference, record);
    }

    public void sendRaw(String topic, String key, byte[] value, String messageId, String sender) {
        client.sendBytes(topic, key, value, messageId, sender);
    }

    /** Sends a record exactly as given, headers and all (no signature added). */
    public void sendRecord(org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record) {
        client.sendRecord(record);
    }

    public Object decode(String topic, byte[] bytes) {
        return client.decode(topic, bytes);
    }

    public List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done,
            Duration timeout) {
        return client.readFromStart(topic, done, timeout);
    }

    /** Reads any topic of the shared test broker, as its administrator. */
    public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Map<String, Object> admin = new HashMap<>(TestKafka.adminConfig());
        admin.put("bootstrap.servers", bootstrapServers);
        return read(admin, topic, done, timeout);
    }

    /** Reads a topic as the client these settings sign in as (an administrator, to read any topic). */
    public static List<ConsumerRecord<String, byte[]>> read(Map<String, Object> clientConfig, String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("schema.registry.url", "mock://unused");
        try (AgencyClient reader = new AgencyClient("EXCHANGE-TEST-READER", config)) {
            return reader.readFromStart(topic, done, timeout);
        }
    }

    /** The receipt for a message this agency sent, waiting up to {@code timeout} for it. */
    public exchange.v1.Receipt receipt(String messageId, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> receipts = readUntil(receipts(),
                seen -> seen.stream().anyMatch(r -> messageId.equals(header(r, MESSAGE_ID))), timeout);
        ConsumerRecord<String, byte[]> mine = receipts.stream().filter(r -> messageId.equals(header(r, MESSAGE_ID)))
                .findFirst().orElseThrow(() -> new AssertionError("no receipt for " + messageId));
        return (exchange.v1.Receipt) decode(mine.topic(), mine.value());
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return AgencyClient.header(record, name);
    }

    @Override
    public void close() {
        client.close();
    }
}
