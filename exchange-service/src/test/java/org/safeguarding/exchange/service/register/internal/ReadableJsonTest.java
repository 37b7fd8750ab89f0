package org.safeguarding.exchange.service.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class ReadableJsonTest {

    private static final Schema INNER = SchemaBuilder.record("Inner").fields().requiredString("name").endRecord();
    private static final Schema OUTER = SchemaBuilder.record("Outer").fields()
            .optionalString("text")
            .optionalString("missing")
            .name("status").type().enumeration("Status").symbols("GIVEN", "REFUSED").noDefault()
            .name("inner").type(INNER).noDefault()
            .name("tags").type().array().items().stringType().noDefault()
            .name("counts").type().map().values().intType().noDefault()
            .name("bytes").type().bytesType().noDefault()
            .name("ratio").type().doubleType().noDefault()
            .name("at").type().stringType().noDefault()
            .name("on").type().stringType().noDefault()
            .endRecord();

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void escapesWhatJsonRequiresAndPostgresRefusesAndKeepsEverythingElseAsWritten() {
        GenericData.Record record = record("Said \"no\" \\ twice\nthen\tleft\u0001 \u0000 café – 子");

        String written = ReadableJson.of(record);

        assertThat(written).contains("\"text\":\"Said \\\"no\\\" \\\\ twice\\nthen\\tleft\\u0001 \\ufffd café – 子\"");
        assertThat(json.readTree(written).get("text").asString()).isEqualTo("Said \"no\" \\ twice\nthen\tleft\u0001 \ufffd café – 子");
    }

    @Test
    void writesPlainJsonAsAPersonWouldRatherThanAvrosEncoding() {
        JsonNode written = json.readTree(ReadableJson.of(record("plain")));

        assertThat(written.get("text").asString()).isEqualTo("plain");
        assertThat(written.get("missing").isNull()).isTrue();
        assertThat(written.get("status").asString()).isEqualTo("REFUSED");
        assertThat(written.get("inner").get("name").asString()).isEqualTo("Ann");
        assertThat(written.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(written.get("counts").get("x").asInt()).isEqualTo(3);
        assertThat(written.get("bytes").asString()).isEqualTo("00ff10");
        assertThat(written.get("ratio").asString()).isEqualTo("NaN");
        assertThat(written.get("at").asString()).isEqualTo("2026-03-04T05:06:07.890Z");
        assertThat(written.get("on").asString()).isEqualTo("2026-03-04");
    }

    private static GenericData.Record record(String text) {
        GenericData.Record inner = new GenericData.Record(INNER);
        inner.put("name", "Ann");
        GenericData.Record record = new GenericData.Record(OUTER);
        record.put("text", text);
        record.put("missing", null);
        record.put("status", new GenericData.EnumSymbol(OUTER.getField("status").schema(), "REFUSED"));
        record.put("inner", inner);
        record.put("tags", List.of("a", "b"));
        record.put("counts", Map.of("x", 3));
        record.put("bytes", ByteBuffer.wrap(new byte[] {0, (byte) 0xff, 0x10}));
        record.put("ratio", Double.NaN);
        // As the contract's logical types decode them: the writer sees the Java values, not Avro's longs and ints.
        record.put("at", Instant.parse("2026-03-04T05:06:07.890Z"));
        record.put("on", LocalDate.parse("2026-03-04"));
        return record;
    }
}
