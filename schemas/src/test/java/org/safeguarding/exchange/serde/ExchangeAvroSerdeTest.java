package org.safeguarding.exchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.ShareDecision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.InMemorySchemaRegistry;
import org.safeguarding.exchange.registry.client.SchemaNotFoundException;
import org.safeguarding.exchange.registry.client.SubjectNotFoundException;
import org.safeguarding.exchange.testing.SampleRecords;

class ExchangeAvroSerdeTest {

    private static final String TOPIC = "exchange.share-decisions";
    private static final String SUBJECT = "exchange.share-decisions-exchange.v1.ShareDecision";

    private final String scope = "serde-test-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(scope);

    @AfterEach
    void forget() {
        InMemorySchemaRegistry.dropScope(scope);
    }

    private Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "mock://" + scope);
        config.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    private ExchangeAvroSerializer serializer(Object... keysAndValues) {
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
        serializer.configure(config(keysAndValues), false);
        return serializer;
    }

    private ExchangeAvroDeserializer deserializer(Object... keysAndValues) {
        ExchangeAvroDeserializer deserializer = new ExchangeAvroDeserializer();
        deserializer.configure(config(keysAndValues), false);
        return deserializer;
    }

    @Test
    void specificRecordRoundTripsThroughTheWireFormat() {
        ShareDecision decision = SampleRecords.shareDecision();

        byte[] bytes = serializer().serialize(TOPIC, decision);
        Object read = deserializer("specific.avro.reader", "true").deserialize(TOPIC, bytes);

        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 1);
        assertThat(read).isInstanceOf(ShareDecision.class).isEqualTo(decision);
        assertThat(registry.getLatestVersion(SUBJECT).id()).isEqualTo(1);
    }

    @Test
    void readsGenericRecordsUnlessToldOtherwiseAndWritesThemBackByteForByte() {
        byte[] bytes = serializer().serialize(TOPIC, SampleRecords.shareDecision());

        Object read = deserializer().deserialize(TOPIC, bytes);

        assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(ShareDecision.class);
        GenericRecord record = (GenericRecord) read;
        assertThat(record.getSchema().getFullName()).isEqualTo("exchange.v1.ShareDecision");
        assertThat(record.get("decisionId")).hasToString("DEC-0001");
        assertThat(record.get("occurredAt")).isEqualTo(SampleRecords.OCCURRED_AT.toEpochMilli());
        assertThat(serializer().serialize(TOPIC, record)).isEqualTo(bytes);
    }

    @Test
    void primitivesAreWrittenAsConfluentWritesThem() {
        ExchangeAvroSerializer serializer = serializer("value.subject.name.strategy", "TopicNameStrategy");
        ExchangeAvroDeserializer deserializer = deserializer();

        Object[] values = {true, 42, 42L, 1.5f, 2.25d, "hello"};
        for (Object value : values) {
            assertThat(deserializer.deserialize("primitives", serializer.serialize("primitives", value))).isEqualTo(value);
        }
        byte[] fromUtf8 = serializer.serialize("primitives", new Utf8("hello"));
        assertThat(deserializer.deserialize("primitives", fromUtf8)).isEqualTo("hello");
        assertThat(fromUtf8).isEqualTo(serializer.serialize("primitives", "hello"));
        assertThat(registry.getLatestVersion("primitives-value").schema()).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void bytesAreWrittenRawWithoutAnAvroLengthPrefixAsConfluentDoes() {
        ExchangeAvroSerializer serializer = serializer();
        byte[] payload = {1, 2, 3};

        byte[] fromArray = serializer.serialize("raw", payload);
        byte[] fromBuffer = serializer.serialize("raw", ByteBuffer.wrap(payload));

        assertThat(Arrays.copyOfRange(fromArray, 5, fromArray.length)).containsExactly(1, 2, 3);
        assertThat(fromBuffer).isEqualTo(fromArray);
        assertThat((byte[]) deserializer().deserialize("raw", fromArray)).containsExactly(1, 2, 3);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(serializer().serialize(TOPIC, null)).isNull();
        assertThat(deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void keysUseTheKeyStrategy() {
        ExchangeAvroSerializer keys = new ExchangeAvroSerializer();
        keys.configure(config(), true);

        keys.serialize(TOPIC, SampleRecords.CASE_REFERENCE);

        assertThat(registry.getLatestVersion(TOPIC + "-key").schema()).isEqualTo(Schema.create(Schema.Type.STRING));
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSubjectIsNamed() {
        ExchangeAvroSerializer serializer = serializer("auto.register.schemas", "false");

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.shareDecision()))
                .isInstanceOf(SubjectNotFoundException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Subject '" + SUBJECT + "' not found");
    }

    @Test
    void withoutAutoRegisterTheRegisteredIdIsLookedUp() {
        registry.register("other", Schema.create(Schema.Type.LONG));
        int id = registry.register(SUBJECT, ShareDecision.getClassSchema());

        byte[] bytes = serializer("auto.register.schemas", false).serialize(TOPIC, SampleRecords.shareDecision());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id).isEqualTo(2);
    }

    @Test
    void useLatestVersionFramesAndWritesWithTheLatestVersion() {
        registry.register(SUBJECT, ShareDecision.getClassSchema());
        registry.register("elsewhere", Schema.create(Schema.Type.INT));
        Schema latest = withoutLastField(ShareDecision.getClassSchema());
        int latestId = registry.register(SUBJECT, latest);
        ExchangeAvroSerializer serializer = serializer("auto.register.schemas", "false", "use.latest.version", "true");

        byte[] bytes = serializer.serialize(TOPIC, SampleRecords.shareDecision());

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(latestId).isEqualTo(3);
        ShareDecision expected = SampleRecords.shareDecision();
        expected.setCorrectsMessageId(null);
        assertThat(deserializer("specific.avro.reader", "true").deserialize(TOPIC, bytes)).isEqualTo(expected);
    }

    @Test
    void useLatestVersionRefusesALatestVersionThatCannotReadTheValue() {
        Schema unrelated = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"ShareDecision\","
                + "\"namespace\":\"exchange.v1\",\"fields\":[{\"name\":\"mustHave\",\"type\":\"int\"}]}");
        registry.register(SUBJECT, unrelated);
        ExchangeAvroSerializer serializer = serializer("auto.register.schemas", "false", "use.latest.version", "true");

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.shareDecision()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("The latest version (1, id 1) of subject '" + SUBJECT + "' cannot read exchange.v1.ShareDecision");
    }

    @Test
    void specificReaderResolvesAnOlderWriterSchemaAgainstTheGeneratedClass() throws IOException {
        Schema older = withoutLastField(ShareDecision.getClassSchema());
        GenericRecord writtenByOlderAgency = asOlder(SampleRecords.shareDecision(), older);

        byte[] bytes = serializer().serialize(TOPIC, writtenByOlderAgency);
        Object read = deserializer("specific.avro.reader", true).deserialize(TOPIC, bytes);

        ShareDecision expected = SampleRecords.shareDecision();
        expected.setCorrectsMessageId(null);
        assertThat(read).isEqualTo(expected);
        assertThat(registry.getSchemaById(WireFormat.schemaId(bytes))).isEqualTo(older);
    }

    @Test
    void unknownMagicByteNamesTheByteAndTheTopic() {
        byte[] json = "{\"decisionId\":\"DEC-1\"}".getBytes();

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, json))
                .isInstanceOf(UnknownMagicByteException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("Unknown magic byte 0x7B at the start of a message from topic '" + TOPIC + "'");
    }

    @Test
    void unknownSchemaIdNamesTheIdAndTheRegistry() {
        byte[] bytes = HexFormat.of().parseHex("00000003e70a68656c6c6f");

        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, bytes))
                .isInstanceOf(SchemaNotFoundException.class)
                .hasMessage("Schema id 999 not found in the schema registry at mock://" + scope);
    }

    @Test
    void truncatedMessagesAreNamed() {
        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Message of 3 bytes from topic '" + TOPIC + "' is too short");
        byte[] bytes = serializer().serialize(TOPIC, SampleRecords.shareDecision());
        assertThatThrownBy(() -> deserializer().deserialize(TOPIC, Arrays.copyOf(bytes, 40)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot read the Avro body of a message from topic '" + TOPIC + "' with schema id 1 (exchange.v1.ShareDecision)");
    }

    @Test
    void specificReaderWithoutTheGeneratedClassSaysSo() {
        Schema foreign = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Elsewhere\",\"namespace\":\"exchange.v1\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
        org.apache.avro.generic.GenericData.Record record = new org.apache.avro.generic.GenericData.Record(foreign);
        record.put("a", 1);
        byte[] bytes = serializer().serialize(TOPIC, record);

        assertThatThrownBy(() -> deserializer("specific.avro.reader", "true").deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("No generated class exchange.v1.Elsewhere on the classpath");
    }

    @Test
    void unsupportedValuesAreNamed() {
        assertThatThrownBy(() -> serializer().serialize(TOPIC, new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot serialize a java.lang.Object as Avro");
    }

    private static Schema withoutLastField(Schema schema) {
        Schema copy = Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
                schema.getFields().subList(0, schema.getFields().size() - 1).stream()
                        .map(f -> new Schema.Field(f, f.schema())).toList());
        return copy;
    }

    /** The record as an agency still on the older schema would have it. */
    private static GenericRecord asOlder(ShareDecision decision, Schema older) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        decision.getSpecificData().createDatumWriter(ShareDecision.getClassSchema()).write(decision, encoder);
        encoder.flush();
        return new GenericDatumReader<GenericRecord>(ShareDecision.getClassSchema(), older)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
