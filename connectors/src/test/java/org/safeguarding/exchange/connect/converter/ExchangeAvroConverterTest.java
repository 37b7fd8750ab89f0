package org.safeguarding.exchange.connect.converter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import exchange.v1.DeliveryConfirmation;
import exchange.v1.DeliveryOutcome;
import exchange.v1.RegisterCheckpoint;
import exchange.v1.Reminder;
import exchange.v1.ReminderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.registry.client.InMemorySchemaRegistry;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.testing.SampleRecords;

class ExchangeAvroConverterTest {

    private static final String SCOPE = "converter-test";
    private static final Map<String, Object> SETTINGS = Map.of("schema.registry.url", "mock://" + SCOPE,
            "value.subject.name.strategy", "TopicRecordNameStrategy");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    @AfterEach
    void forgetRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    /** A sample of every top-level record of the contract (src/main/avro in the schemas module). */
    private static List<SpecificRecord> everyContractRecord() {
        return List.of(SampleRecords.shareRequest(), SampleRecords.consentOutcome(), SampleRecords.shareDecision(),
                SampleRecords.hazardRaised(), SampleRecords.acceptedReceipt("M-1"),
                RegisterCheckpoint.newBuilder().setTreeSize(42).setRootHash("ab".repeat(32)).setIssuedAt(AT)
                        .setKeyId("exchange-checkpoints-1").setSignature("c2lnbmF0dXJl").build(),
                Reminder.newBuilder().setReminderId("R-1").setKind(ReminderKind.REQUEST_OVERDUE)
                        .setCaseReference(SampleRecords.CASE_REFERENCE).setSubjectReference("REQ-1").setAgency(SampleRecords.COUNCIL)
                        .setDueAt(AT).setSentAt(AT).setMessage("Answer the request").build(),
                DeliveryConfirmation.newBuilder().setConfirmationId("C-1").setMessageId("M-1").setSender(SampleRecords.SCHOOL)
                        .setRecipientAgency(SampleRecords.COUNCIL).setCaseReference(SampleRecords.CASE_REFERENCE)
                        .setRecordType("exchange.v1.ShareDecision").setOutcome(DeliveryOutcome.FAILED).setHttpStatus(400)
                        .setReason("the partner answered 400").setEndpoint("https://partner.example:8443").setAttempts(1)
                        .setInboxPartition(0).setInboxOffset(7).setConfirmedAt(AT).build());
    }

    @Test
    void everyContractRecordRoundTripsToTheSameBytes() throws IOException {
        assertThat(everyContractRecord()).extracting(r -> r.getSchema().getName())
                .containsExactlyInAnyOrderElementsOf(contractRecordNames());
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
        serializer.configure(SETTINGS, false);
        ExchangeAvroConverter converter = converter(SETTINGS);
        for (SpecificRecord record : everyContractRecord()) {
            String topic = "agency.LA-HULL.inbox";
            byte[] bytes = serializer.serialize(topic, record);

            SchemaAndValue connect = converter.toConnectData(topic, bytes);

            assertThat(connect.schema().name()).isEqualTo(record.getSchema().getFullName());
            assertThat(converter.fromConnectData(topic, connect.schema(), connect.value())).as(record.getSchema().getName())
                    .isEqualTo(bytes);
            // A converter that did not read it writes a contract struct the same way.
            assertThat(converter(SETTINGS).fromConnectData(topic, connect.schema(), connect.value())).isEqualTo(bytes);
        }
    }

    @Test
    void structsCarryConnectsOwnTypes() {
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
        serializer.configure(SETTINGS, false);
        SchemaAndValue connect = converter(SETTINGS).toConnectData("t", serializer.serialize("t", SampleRecords.shareDecision()));

        Struct decision = (Struct) connect.value();
        assertThat(decision.schema().field("occurredAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(decision.get("occurredAt")).isEqualTo(java.util.Date.from(SampleRecords.OCCURRED_AT));
        assertThat(decision.get("decision")).isEqualTo(SampleRecords.shareDecision().getDecision().name());
        assertThat(decision.schema().field("decision").schema().parameters()).containsEntry(ConnectAvro.ENUM, "exchange.v1.Decision");
        assertThat(decision.schema().field("requestId").schema().isOptional()).isTrue();
        assertThat(decision.getStruct("recipient").getString("name")).isEqualTo(SampleRecords.shareDecision().getRecipient().getName());
    }

    @Test
    void passthroughHandsTheExactBytesOn() {
        ExchangeAvroConverter converter = converter(Map.of(ExchangeAvroConverter.BYTES_PASSTHROUGH, "true"));
        byte[] bytes = {0, 0, 0, 0, 1, 2, 4, 'h', 'i'};

        SchemaAndValue connect = converter.toConnectData("t", bytes);

        assertThat(connect.schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
        assertThat(converter.fromConnectData("t", connect.schema(), connect.value())).isSameAs(bytes);
    }

    @Test
    void framedBytesAreWrittenAsTheyAre() {
        ExchangeAvroSerializer serializer = new ExchangeAvroSerializer();
        serializer.configure(SETTINGS, false);
        byte[] framed = serializer.serialize("t", SampleRecords.shareRequest());

        assertThat(converter(SETTINGS).fromConnectData("t", Schema.BYTES_SCHEMA, framed)).isSameAs(framed);
    }

    @Test
    void aStructOfNoKnownRecordIsRefused() {
        Schema unknown = org.apache.kafka.connect.data.SchemaBuilder.struct().name("elsewhere.Thing").field("a", Schema.STRING_SCHEMA).build();

        assertThatThrownBy(() -> converter(SETTINGS).fromConnectData("t", unknown, new Struct(unknown).put("a", "x")))
                .isInstanceOf(DataException.class).hasMessageContaining("elsewhere.Thing");
        assertThatThrownBy(() -> converter(SETTINGS).toConnectData("t", new byte[] {1, 2, 3}))
                .isInstanceOf(DataException.class);
    }

    private static ExchangeAvroConverter converter(Map<String, ?> settings) {
        ExchangeAvroConverter converter = new ExchangeAvroConverter();
        converter.configure(settings, false);
        return converter;
    }

    private static List<String> contractRecordNames() throws IOException {
        Path contract = Path.of("../schemas/src/main/avro");
        try (Stream<Path> files = Files.list(contract)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length())).toList();
        }
    }
}
