package org.safeguarding.exchange.service.intake.internal;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.safeguarding.exchange.registry.client.SchemaNotFoundException;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryException;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.WireFormat;
import org.springframework.stereotype.Component;

/**
 * Reads agencies' bytes with the same deserializer agencies use. What the sender got wrong (bad framing, an unknown
 * schema id, a body that does not parse, a record that is not ours) is a decoding failure to dead-letter; a registry
 * that cannot be reached is the exchange's own failure and is thrown, so the batch is retried, never dead-lettered.
 */
@Component
public class MessageDecoder {

    private final ExchangeAvroDeserializer deserializer;

    public MessageDecoder(SchemaRegistryClient registry) {
        this.deserializer = new ExchangeAvroDeserializer(registry, Map.of(ExchangeAvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
    }

    public Decoded decode(String topic, byte[] bytes) {
        Integer schemaId = WireFormat.schemaIdOrNull(bytes);
        Object value;
        try {
            value = deserializer.deserialize(topic, bytes);
        } catch (SchemaNotFoundException e) {
            return Decoded.failed(schemaId, e.getMessage());
        } catch (SchemaRegistryException e) {
            throw e;
        } catch (SerializationException e) {
            return Decoded.failed(schemaId, e.getMessage());
        } catch (RuntimeException e) {
            // Avro's reader can fail in many ways on arbitrary bytes; all of them mean the bytes are not a message.
            return Decoded.failed(schemaId, "The body could not be read as Avro: " + e);
        }
        if (value instanceof SpecificRecord record) {
            return Decoded.ok(record, schemaId);
        }
        return Decoded.failed(schemaId, "The message is " + (value == null ? "empty" : "a " + value.getClass().getSimpleName())
                + ", not an exchange.v1 record");
    }
}
