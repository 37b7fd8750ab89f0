package org.safeguarding.exchange.connect.converter;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;
import org.safeguarding.exchange.serde.AvroValues;
import org.safeguarding.exchange.serde.ExchangeAvroDeserializer;
import org.safeguarding.exchange.serde.ExchangeAvroSerdeConfig;
import org.safeguarding.exchange.serde.ExchangeAvroSerializer;
import org.safeguarding.exchange.serde.WireFormat;

/**
 * Kafka Connect's view of the exchange's topics: values in the Confluent wire format, read and written through the
 * exchange's registry client, so that any connector (a JDBC or S3 sink, say) can read them as structs. Configured with
 * the serde's keys (schema.registry.url, basic auth, value.subject.name.strategy, which defaults here to the contract's
 * TopicRecordNameStrategy). With {@value #BYTES_PASSTHROUGH}=true it decodes nothing and hands the exact bytes on.
 */
public class ExchangeAvroConverter implements Converter {

    public static final String BYTES_PASSTHROUGH = "bytes.passthrough";

    public static final ConfigDef CONFIG_DEF = new ConfigDef(ExchangeAvroSerdeConfig.CONFIG_DEF)
            .define(BYTES_PASSTHROUGH, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Hand the exact bytes on as Connect bytes, undecoded (and write Connect bytes as they are): for "
                            + "connectors that copy messages, where the sender's signature over the bytes must hold.");

    private boolean passthrough;
    private ExchangeAvroDeserializer deserializer;
    private ExchangeAvroSerializer serializer;
    private final ConnectAvro connectAvro = new ConnectAvro();
    /** The Avro schema each Connect schema was read from, to write it back with. */
    private final Map<Schema, org.apache.avro.Schema> avroSchemas = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Map<String, Object> settings = new HashMap<>(configs);
        passthrough = Boolean.parseBoolean(String.valueOf(settings.getOrDefault(BYTES_PASSTHROUGH, "false")));
        settings.remove(BYTES_PASSTHROUGH);
        if (passthrough) {
            return;
        }
        settings.putIfAbsent(isKey ? ExchangeAvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY : ExchangeAvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                isKey ? "TopicNameStrategy" : "TopicRecordNameStrategy");
        settings.put(ExchangeAvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        deserializer = new ExchangeAvroDeserializer();
        deserializer.configure(settings, isKey);
        serializer = new ExchangeAvroSerializer();
        serializer.configure(settings, isKey);
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public SchemaAndValue toConnectData(String topic, byte[] value) {
        if (value == null) {
            return SchemaAndValue.NULL;
        }
        if (passthrough) {
            return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
        }
        Object avro;
        org.apache.avro.Schema avroSchema;
        try {
            avro = deserializer.deserialize(topic, value);
            avroSchema = AvroValues.schemaOf(avro);
        } catch (SerializationException e) {
            throw new DataException("Cannot read a message of " + topic + ": " + e.getMessage(), e);
        }
        Schema schema = connectAvro.toConnectSchema(avroSchema);
        avroSchemas.putIfAbsent(schema, avroSchema);
        return new SchemaAndValue(schema, connectAvro.toConnectValue(schema, avro));
    }

    @Override
    public byte[] fromConnectData(String topic, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (passthrough) {
            if (!(value instanceof byte[] bytes)) {
                throw new DataException("With " + BYTES_PASSTHROUGH + "=true only bytes are written, not " + value.getClass().getName());
            }
            return bytes;
        }
        if (schema == null) {
            throw new DataException("A value without a Connect schema cannot be written as Avro");
        }
        if (schema.type() == Schema.Type.BYTES && value instanceof byte[] bytes && WireFormat.schemaIdOrNull(bytes) != null) {
            // Already in the wire format (copied from an exchange topic): written as it is.
            return bytes;
        }
        org.apache.avro.Schema avroSchema = avroSchemas.computeIfAbsent(schema, ExchangeAvroConverter::contractSchema);
        try {
            return serializer.serialize(topic, connectAvro.toAvroValue(avroSchema, schema, value));
        } catch (SerializationException e) {
            throw new DataException("Cannot write a " + schema.name() + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** A struct this converter did not read is written with the contract's record of the same name, if there is one. */
    private static org.apache.avro.Schema contractSchema(Schema schema) {
        if (schema.type() != Schema.Type.STRUCT || schema.name() == null) {
            throw new DataException("Only structs named as a contract record (e.g. exchange.v1.ShareRequest), or read by "
                    + "this converter, are written as Avro; not " + schema);
        }
        try {
            return SpecificData.get().getSchema(Class.forName(schema.name()));
        } catch (ClassNotFoundException e) {
            throw new DataException("No contract record is named " + schema.name(), e);
        }
    }

    @Override
    public void close() {
        if (deserializer != null) {
            deserializer.close();
        }
        if (serializer != null) {
            serializer.close();
        }
    }
}
