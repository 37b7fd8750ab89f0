package org.safeguarding.exchange.service.testing;

import java.util.Arrays;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.WireFormat;
import org.safeguarding.exchange.service.contract.IntakeTopic;

/**
 * Contract records as the exact bytes an agency sends (Confluent framing, the schema registered in the service's own
 * registry), for tests that write register entries directly: the register reads their messages back from these bytes.
 */
public final class MessageBytes {

    private final ExchangeAvroSerializer serializer;

    public MessageBytes(SchemaRegistryClient registry) {
        serializer = new ExchangeAvroSerializer(registry, Map.of(ExchangeAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true,
                ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"),
                false);
    }

    /** The record as sent on the intake topic that carries its type. */
    public byte[] encode(SpecificRecord record) {
        String topic = Arrays.stream(IntakeTopic.values()).filter(t -> t.recordType().isInstance(record)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no intake topic carries " + record.getClass())).topic();
        return serializer.serialize(topic, record);
    }

    /** The schema id the bytes name. */
    public static Integer schemaId(byte[] bytes) {
        return WireFormat.schemaIdOrNull(bytes);
    }
}
