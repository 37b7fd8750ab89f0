package org.safeguarding.exchange.service.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import exchange.v1.ShareRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.InMemorySchemaRegistry;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.WireFormat;
import org.safeguarding.exchange.service.register.EntryEncoding;
import org.safeguarding.exchange.service.register.internal.WriterSchemas.ReadMessage;
import org.safeguarding.exchange.testing.SampleRecords;

/** A message is read back from its exact bytes with the very schema its entry recorded, or not at all. */
class WriterSchemasTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry("writer-schemas-test");
    private final WriterSchemas schemas = new WriterSchemas(registry);
    private final ShareRequest request = SampleRecords.shareRequest();
    private final byte[] bytes = new ExchangeAvroSerializer(registry, Map.of(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true), false)
            .serialize("exchange.share-requests", request);
    private final int schemaId = WireFormat.schemaIdOrNull(bytes);

    @Test
    void theRecordedSchemaIsTheSha256OfItsTextAndReadsTheMessageBack() {
        String text = registry.getSchemaById(schemaId).toString();
        assertThat(schemas.text(schemaId)).contains(text);
        assertThat(schemas.sha256(schemaId)).isEqualTo(EntryEncoding.sha256(text.getBytes(StandardCharsets.UTF_8)));

        ReadMessage read = schemas.read(2, schemaId, bytes, schemas.sha256(schemaId));

        assertThat(read.problem()).isNull();
        assertThat(read.record().get("requestId").toString()).isEqualTo(request.getRequestId());
        // Logical types as intake saw them, so that the readable form shows times and dates as ISO-8601.
        assertThat(read.record().get("occurredAt")).isEqualTo(request.getOccurredAt());
        assertThat(ReadableJson.of(read.record())).contains("\"occurredAt\":\"" + request.getOccurredAt() + "\"");
    }

    @Test
    void anotherSchemaUnderTheSameIdReadsNothing() {
        // Another registry, whose schema of the same id is not the one the entry recorded (a registry's tables rewritten).
        InMemorySchemaRegistry rewritten = new InMemorySchemaRegistry("writer-schemas-test-rewritten");
        rewritten.register("exchange.share-requests-value", SchemaBuilder.record("ShareRequest").namespace("exchange.v1").fields()
                .requiredString("requestId").endRecord());

        ReadMessage read = new WriterSchemas(rewritten).read(2, schemaId, bytes, schemas.sha256(schemaId));

        assertThat(read.record()).isNull();
        assertThat(read.problem()).contains("is not the schema the entry was recorded with");
    }

    @Test
    void whatCannotBeReadSaysWhyAndWhatHoldsNoMessageIsNothing() {
        assertThat(schemas.sha256(9_999)).isNull();
        assertThat(schemas.read(2, 9_999, bytes, schemas.sha256(schemaId)).problem()).contains("holds no schema 9999");
        assertThat(schemas.read(2, schemaId, bytes, null).problem()).contains("recorded no schema");
        byte[] cut = java.util.Arrays.copyOf(bytes, 20);
        assertThat(schemas.read(2, schemaId, cut, schemas.sha256(schemaId)).problem()).contains("do not read with schema");
        assertThat(schemas.read(2, null, bytes, null)).isEqualTo(ReadMessage.NOTHING);
        assertThat(schemas.read(2, schemaId, null, null)).isEqualTo(ReadMessage.NOTHING);
        // Entries written before schemas were recorded are read with the schema their bytes name.
        assertThat(schemas.read(1, schemaId, bytes, null).record()).isNotNull();
    }
}
