package org.safeguarding.exchange.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safeguarding.exchange.testing.SampleRecords;

/**
 * The golden byte vectors in src/test/resources/wire-vectors, checked both ways: the serializer writes exactly
 * those bytes when the registry hands out the vector's schema id, and the deserializer reads them back to the
 * value. See the README beside the vectors for how they were made.
 */
class WireVectorsTest {

    static final Path VECTORS = Path.of("src/test/resources/wire-vectors");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One vector file, with its value rebuilt from the file. */
    record Vector(String file, String topic, int schemaId, Schema schema, Object value, byte[] bytes) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        try (Stream<Path> files = Files.list(VECTORS)) {
            List<Path> jsonFiles = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(jsonFiles).hasSizeGreaterThanOrEqualTo(6);
            return jsonFiles.stream().map(WireVectorsTest::read).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void serializerWritesExactlyTheVectorsBytes(Vector vector) {
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer(
                new FixedIdRegistry(vector.schemaId(), vector.schema()), Map.of(), false);

        byte[] written = serializer.serialize(vector.topic(), vector.value());

        assertThat(HexFormat.of().formatHex(written)).isEqualTo(HexFormat.of().formatHex(vector.bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void deserializerReadsTheVectorBackToItsValue(Vector vector) {
        FixedIdRegistry registry = new FixedIdRegistry(vector.schemaId(), vector.schema());
        ExchangeAvroDeserializer specific = new ExchangeAvroDeserializer(registry, Map.of("specific.avro.reader", "true"), false);
        ExchangeAvroDeserializer generic = new ExchangeAvroDeserializer(registry, Map.of(), false);

        Object read = specific.deserialize(vector.topic(), vector.bytes());
        Object readGeneric = generic.deserialize(vector.topic(), vector.bytes());

        assertThat(read).isEqualTo(vector.value());
        if (vector.value() instanceof SpecificRecord record) {
            assertThat(readGeneric).isInstanceOf(GenericRecord.class);
            assertThat(((GenericRecord) readGeneric).get(0)).hasToString(record.get(0).toString());
        } else {
            assertThat(readGeneric).isEqualTo(vector.value());
        }
    }

    @Test
    void theHandCheckedVectorIsWhatTheReadmeSays() {
        Vector hello = read(VECTORS.resolve("01-string-hello.json"));

        assertThat(hello.bytes()).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01, 0x0a, 0x68, 0x65, 0x6c, 0x6c, 0x6f);
        assertThat(hello.value()).isEqualTo("hello");
    }

    private static Vector read(Path file) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            int id = json.get("schemaId").asInt();
            byte[] bytes = HexFormat.of().parseHex(json.get("hex").asText().replace(" ", ""));
            Schema schema;
            Object value;
            if (json.has("sample")) {
                SpecificRecord record = (SpecificRecord) SampleRecords.class.getMethod(json.get("sample").asText()).invoke(null);
                schema = record.getSchema();
                assertThat(schema.getFullName()).isEqualTo(json.get("record").asText());
                value = record;
            } else {
                schema = new Schema.Parser().parse(json.get("schema").toString());
                value = primitive(schema, json.get("value"));
            }
            return new Vector(file.getFileName().toString(), json.get("topic").asText(), id, schema, value, bytes);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("Unreadable wire vector " + file, e);
        }
    }

    private static Object primitive(Schema schema, JsonNode value) {
        return switch (schema.getType()) {
            case STRING -> value.asText();
            case INT -> value.asInt();
            case LONG -> value.asLong();
            case BOOLEAN -> value.asBoolean();
            case DOUBLE -> value.asDouble();
            case BYTES -> HexFormat.of().parseHex(value.asText());
            default -> throw new IllegalArgumentException("No vectors of type " + schema.getType());
        };
    }

    /**
     * Writes the record vectors from the sample records. Run only on purpose, when a deliberate schema change alters
     * the bytes: {@code ./mvnw -o -q -pl schemas verify -Dtest=WireVectorsTest -DwireVectors.write=true}; then check
     * the diff and re-run the independent check described in the README.
     */
    @Test
    @EnabledIfSystemProperty(named = "wireVectors.write", matches = "true")
    void writeRecordVectors() throws IOException {
        writeRecordVector("10-share-request.json", "exchange.share-requests", 0x0102, "shareRequest",
                "SampleRecords.shareRequest() on exchange.share-requests, schema id 258 (0x00000102, so that the byte order shows)");
        writeRecordVector("11-share-decision.json", "exchange.share-decisions", 70000, "shareDecision",
                "SampleRecords.shareDecision() on exchange.share-decisions, schema id 70000 (0x00011170)");
        writeRecordVector("12-hazard-notification.json", "exchange.hazard-notifications", 0x01020304, "hazardRaised",
                "SampleRecords.hazardRaised() on exchange.hazard-notifications, schema id 16909060 (0x01020304)");
    }

    private void writeRecordVector(String file, String topic, int id, String sample, String description) throws IOException {
        SpecificRecord record;
        try {
            record = (SpecificRecord) SampleRecords.class.getMethod(sample).invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        byte[] bytes = new ExchangeAvroSerializer(new FixedIdRegistry(id, record.getSchema()), Map.of(), false)
                .serialize(topic, record);
        String hex = HexFormat.of().formatHex(bytes);
        ObjectNode json = JSON.createObjectNode();
        json.put("description", description);
        json.put("topic", topic);
        json.put("record", record.getSchema().getFullName());
        json.put("sample", sample);
        json.put("schemaId", id);
        json.put("hex", hex.substring(0, 2) + " " + hex.substring(2, 10) + " " + hex.substring(10));
        Files.writeString(VECTORS.resolve(file), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }
}
