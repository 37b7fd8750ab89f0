package org.safeguarding.exchange.service.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import exchange.v1.Consent;
import exchange.v1.ConsentStatus;
import exchange.v1.Practitioner;
import exchange.v1.ShareRequest;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.TopicRecordNameStrategy;
import org.safeguarding.exchange.service.testing.TestInfrastructure;
import org.safeguarding.exchange.service.testing.TestKafka;
import org.safeguarding.exchange.testing.SampleRecords;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract promises that a partner may use a client nobody here wrote. This runs the npm packages
 * {@code kafkajs} 2.2.4 and {@code @kafkajs/confluent-schema-registry} 3.9.0 (src/test/node) against this
 * registry and a real broker: Node registers and writes, our deserializer reads; our serializer writes, Node reads;
 * and for the same schema id and record both write the same bytes. Skipped, saying so, where Node.js is missing.
 *
 * <p>The npm package reads and writes values as avsc does by default: a {@code ["null", X]} union as the bare value
 * or null, an enum as its symbol, timestamp-millis as a number of milliseconds and date as a number of days.
 */
class ThirdPartyClientCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private static ThirdPartyNodeClient node;
    private static StandaloneRegistry registry;
    private static String bootstrapServers;
    /** How the Node client signs in: a SCRAM user of its own, allowed the test's topics and groups. */
    private static Map<String, String> nodeSasl;

    private static String skipReason;

    @BeforeAll
    static void start() {
        skipReason = ThirdPartyNodeClient.whyUnavailable().orElse(null);
        if (skipReason != null) {
            System.out.println(skipReason);
            System.err.println(skipReason);
            return;
        }
        node = ThirdPartyNodeClient.install(Path.of("src/test/node"), Path.of("target/third-party-node"));
        TestInfrastructure.Database database = TestInfrastructure.freshDatabase();
        registry = StandaloneRegistry.start(database.jdbcUrl(), database.username(), database.password());
        bootstrapServers = TestKafka.bootstrapServers();
        String user = "third-party-node";
        String password = "password-of-" + user;
        TestKafka.scramConfig(user, password);
        grant("User:" + user, ResourceType.TOPIC, "third-party.", AclOperation.READ, AclOperation.WRITE);
        grant("User:" + user, ResourceType.GROUP, "third-party-", AclOperation.READ);
        nodeSasl = Map.of("mechanism", "scram-sha-512", "username", user, "password", password);
    }

    private static void grant(String principal, ResourceType type, String prefix, AclOperation... operations) {
        List<AclBinding> bindings = new ArrayList<>();
        for (AclOperation operation : operations) {
            bindings.add(new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                    new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        }
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot grant " + principal + " its ACLs", e);
        }
    }

    /** Each test is skipped, with the reason, rather than the class silently, so reports count and show it. */
    @BeforeEach
    void needsNode() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void whatTheNodeClientRegistersAndSendsOurDeserializerReads() throws Exception {
        String topic = "third-party.node-to-java";
        createTopic(topic);
        ShareRequest sent = unusualShareRequest();
        String messageId = UUID.randomUUID().toString();
        String subject = topic + "-" + ShareRequest.getClassSchema().getFullName();

        JsonNode produced = node.run("produce", Map.of(
                "registryUrl", registry.url(),
                "brokers", List.of(bootstrapServers.split(",")),
                "sasl", nodeSasl,
                "topic", topic,
                "key", sent.getCaseReference(),
                "headers", Map.of("exchange-message-id", messageId, "exchange-sender", sent.getRequesterAgency()),
                "records", List.of(contractRecord(subject, sent))));

        // Every way the package has of asking for the id gives the one it registered, under the contract's subject
        // and at the contract's compatibility level.
        int id = produced.get("registeredId").asInt();
        assertThat(produced.get("subject").asString()).isEqualTo("third-party.node-to-java-exchange.v1.ShareRequest");
        assertThat(produced.get("versionOneId").asInt()).isEqualTo(id);
        assertThat(produced.get("latestId").asInt()).isEqualTo(id);
        assertThat(produced.get("lookedUpId").asInt()).isEqualTo(id);
        RegistryHttp http = new RegistryHttp(registry.url());
        assertThat(http.get("/subjects/" + subject + "/versions/latest").json().get("id").asInt()).isEqualTo(id);
        assertThat(http.get("/config/" + subject).json().get("compatibilityLevel").asString())
                .isEqualTo("BACKWARD_TRANSITIVE");

        ConsumerRecord<String, byte[]> received = consumeOne(topic);
        byte[] nodeBytes = HEX.parseHex(produced.get("encodedHex").asString());
        assertThat(received.value()).isEqualTo(nodeBytes);
        assertThat(received.key()).isEqualTo(sent.getCaseReference());
        assertThat(header(received, "exchange-message-id")).isEqualTo(messageId);
        assertThat(header(received, "exchange-sender")).isEqualTo(sent.getRequesterAgency());

        Object decoded;
        try (ExchangeAvroDeserializer deserializer = new ExchangeAvroDeserializer()) {
            deserializer.configure(Map.of("schema.registry.url", registry.url(), "specific.avro.reader", true), false);
            decoded = deserializer.deserialize(topic, received.headers(), received.value());
        }
        assertThat(decoded).isInstanceOf(ShareRequest.class);
        ShareRequest read = (ShareRequest) decoded;
        // equals compares every field; the ones a JavaScript client is likeliest to get wrong are also named.
        assertThat(read).isEqualTo(sent);
        assertThat(read.getOccurredAt()).isEqualTo(sent.getOccurredAt());
        assertThat(read.getRecordedBy().getRecordedAt()).isEqualTo(sent.getRecordedBy().getRecordedAt());
        assertThat(read.getRequester().getName()).isEqualTo("Zoë Ó Briain-Łukasz");
        assertThat(read.getConsent().getStatus()).isEqualTo(ConsentStatus.NOT_SOUGHT);
        assertThat(read.getConsent().getGivenBy()).isNull();
        assertThat(read.getCorrectsMessageId()).isEqualTo(sent.getCorrectsMessageId());
        assertThat(read.getUrgent()).isTrue();
    }

    @Test
    void whatOurSerializerSendsTheNodeClientReads() throws Exception {
        String topic = "third-party.java-to-node";
        createTopic(topic);
        ShareRequest sent = SampleRecords.shareRequest();
        String messageId = UUID.randomUUID().toString();

        // As a partner's Java producer would be set up: our serializer by class name, configured with Confluent's keys.
        Map<String, Object> producerConfig = new HashMap<>(serializerConfig());
        producerConfig.putAll(TestKafka.adminConfig());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ExchangeAvroSerializer.class.getName());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig)) {
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic, sent.getCaseReference(), sent);
            record.headers().add("exchange-message-id", messageId.getBytes(StandardCharsets.UTF_8));
            record.headers().add("exchange-sender", sent.getRequesterAgency().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }

        JsonNode consumed = node.run("consume", Map.of(
                "registryUrl", registry.url(),
                "brokers", List.of(bootstrapServers.split(",")),
                "sasl", nodeSasl,
                "topic", topic,
                "groupId", "third-party-" + UUID.randomUUID()));

        String subject = topic + "-" + ShareRequest.getClassSchema().getFullName();
        int id = new RegistryHttp(registry.url()).get("/subjects/" + subject + "/versions/latest").json().get("id").asInt();
        assertThat(consumed.get("schemaId").asInt()).isEqualTo(id);
        assertThat(consumed.get("key").asString()).isEqualTo(sent.getCaseReference());
        assertThat(consumed.get("headers").get("exchange-message-id").asString()).isEqualTo(messageId);
        assertThat(consumed.get("headers").get("exchange-sender").asString()).isEqualTo(sent.getRequesterAgency());
        byte[] ourBytes;
        try (ExchangeAvroSerializer serializer = new ExchangeAvroSerializer()) {
            serializer.configure(serializerConfig(), false);
            ourBytes = serializer.serialize(topic, sent);
        }
        assertThat(consumed.get("receivedHex").asString()).isEqualTo(HEX.formatHex(ourBytes));

        JsonNode value = consumed.get("value");
        // Every field, in the shape avsc gives them; then the shapes themselves, named.
        assertThat(value).isEqualTo(JSON.readTree(JSON.writeValueAsString(avscValue(ShareRequest.getClassSchema(), sent))));
        assertThat(value.get("occurredAt").isNumber()).isTrue();
        assertThat(value.get("occurredAt").asLong()).isEqualTo(sent.getOccurredAt().toEpochMilli());
        assertThat(value.get("recordedBy").get("recordedAt").asLong()).isEqualTo(sent.getRecordedBy().getRecordedAt().toEpochMilli());
        assertThat(value.get("consent").get("status").asString()).isEqualTo("GIVEN");
        assertThat(value.get("consent").get("givenBy").asString()).isEqualTo(sent.getConsent().getGivenBy());
        assertThat(value.get("consent").get("reasonWithoutConsent").isNull()).isTrue();
        assertThat(value.get("requester").get("email").isNull()).isTrue();
        assertThat(value.get("urgent").asBoolean()).isFalse();

        // What Node decoded it writes again to the same bytes.
        assertThat(consumed.get("reencodedHex").asString()).isEqualTo(HEX.formatHex(ourBytes));
    }

    @Test
    void forTheSameSchemaIdAndRecordTheNodeClientAndOurSerializerWriteTheSameBytes() {
        String topic = "third-party.same-bytes";
        List<SpecificRecord> records = List.of(
                SampleRecords.shareRequest(),
                unusualShareRequest(),
                SampleRecords.consentOutcome(),
                SampleRecords.shareDecision(),
                SampleRecords.hazardRaised(),
                SampleRecords.acceptedReceipt(UUID.randomUUID().toString()));
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (SpecificRecord record : records) {
            inputs.add(contractRecord(topic + "-" + record.getSchema().getFullName(), record));
        }

        JsonNode encoded = node.run("encode", Map.of("registryUrl", registry.url(), "records", inputs));

        try (ExchangeAvroSerializer serializer = new ExchangeAvroSerializer()) {
            serializer.configure(serializerConfig(), false);
            for (int i = 0; i < records.size(); i++) {
                SpecificRecord record = records.get(i);
                JsonNode nodeResult = encoded.get("records").get(i);
                byte[] ours = serializer.serialize(topic, record);
                assertThat(nodeResult.get("subject").asString()).isEqualTo(topic + "-" + record.getSchema().getFullName());
                assertThat(ours[0]).isZero();
                assertThat(ByteBuffer.wrap(ours, 1, 4).getInt())
                        .as("schema id of %s", record.getSchema().getName())
                        .isEqualTo(nodeResult.get("registeredId").asInt());
                assertThat(HEX.formatHex(ours))
                        .as("bytes of %s", record.getSchema().getName())
                        .isEqualTo(nodeResult.get("encodedHex").asString());
            }
        }
    }

    /** A request whose strings are not ASCII and whose optional fields are set where the sample leaves them null, and the reverse. */
    private static ShareRequest unusualShareRequest() {
        return ShareRequest.newBuilder(SampleRecords.shareRequest())
                .setRequester(Practitioner.newBuilder(SampleRecords.schoolSafeguardingLead())
                        .setName("Zoë Ó Briain-Łukasz")
                        .setEmail("zoe.obriain@oakfield.example")
                        .build())
                .setConsent(Consent.newBuilder()
                        .setStatus(ConsentStatus.NOT_SOUGHT)
                        .setGivenBy(null)
                        .setLimits(null)
                        .setReasonWithoutConsent("Asking could place the child at risk of significant harm — Hull 3.3 ✓")
                        .build())
                .setOccurredAt(Instant.parse("2026-03-02T23:59:59.999Z"))
                .setUrgent(true)
                .setCorrectsMessageId(UUID.randomUUID().toString())
                .build();
    }

    /** What the Node client needs to register a contract schema under a subject and encode one record of it. */
    static Map<String, Object> contractRecord(String subject, SpecificRecord record) {
        return Map.of("subject", subject,
                "schema", record.getSchema().toString(),
                "payload", avscValue(record.getSchema(), record));
    }

    /** A contract value as avsc reads and writes it by default, which is how @kafkajs/confluent-schema-registry configures it. */
    private static Object avscValue(Schema schema, Object value) {
        switch (schema.getType()) {
            case UNION -> {
                if (value == null) {
                    return null;
                }
                List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
                if (branches.size() != 1) {
                    throw new IllegalArgumentException("Only [\"null\", X] unions are in the contract: " + schema);
                }
                return avscValue(branches.get(0), value);
            }
            case RECORD -> {
                IndexedRecord record = (IndexedRecord) value;
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Schema.Field field : schema.getFields()) {
                    fields.put(field.name(), avscValue(field.schema(), record.get(field.pos())));
                }
                return fields;
            }
            case ARRAY -> {
                return ((List<?>) value).stream().map(item -> avscValue(schema.getElementType(), item)).toList();
            }
            case ENUM -> {
                return value.toString();
            }
            case LONG -> {
                return value instanceof Instant instant ? instant.toEpochMilli() : value;
            }
            case INT -> {
                return value instanceof LocalDate date ? Math.toIntExact(date.toEpochDay()) : value;
            }
            case STRING, BOOLEAN, DOUBLE, FLOAT -> {
                return value;
            }
            default -> throw new IllegalArgumentException("Not in the contract: " + schema);
        }
    }

    private static Map<String, Object> serializerConfig() {
        return Map.of("schema.registry.url", registry.url(),
                "value.subject.name.strategy", TopicRecordNameStrategy.class.getName());
    }

    private static void createTopic(String topic) throws Exception {
        try (Admin admin = Admin.create(TestKafka.adminConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static ConsumerRecord<String, byte[]> consumeOne(String topic) {
        Map<String, Object> config = new HashMap<>(TestKafka.adminConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "third-party-check-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
            throw new AssertionError("Nothing arrived on " + topic + " within 30 s");
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
