package org.safeguarding.exchange.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.safeguarding.exchange.registry.client.RegisteredSchema;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryClients;

/**
 * Writes Avro values in the Confluent wire format, configured with Confluent's keys; the bytes are the same as
 * Confluent's KafkaAvroSerializer writes. Accepts SpecificRecord, GenericRecord and the Avro primitives
 * (Boolean, Integer, Long, Float, Double, CharSequence, byte[], ByteBuffer); null is written as null (a tombstone).
 *
 * <p>The registry is asked once per (topic, schema); after that a message costs two map look-ups and the Avro
 * encoding itself.
 */
public class ExchangeAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private ExchangeAvroSerdeConfig config;
    private boolean isKey;
    private final Map<String, Map<Schema, Target>> targetsByTopic = new ConcurrentHashMap<>();
    private final ThreadLocal<ReusableOutput> output = ThreadLocal.withInitial(ReusableOutput::new);

    /** For Kafka, which creates serializers by class name and then calls {@link #configure}. */
    public ExchangeAvroSerializer() {
    }

    /** With a registry client of your own; {@code schema.registry.url} is then not needed. */
    public ExchangeAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public ExchangeAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = ExchangeAvroSerdeConfig.from(configs);
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistryClients.fromConfig(configs);
        }
        targetsByTopic.clear();
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("ExchangeAvroSerializer used before configure()");
        }
        Schema schema = AvroValues.schemaOf(value);
        Target target = target(topic, schema);
        ReusableOutput out = output.get();
        out.reset();
        out.write(WireFormat.MAGIC_BYTE);
        out.writeInt(target.id);
        try {
            if (target.schema.getType() == Schema.Type.BYTES) {
                writeRawBytes(value, out);
            } else {
                target.writerFor(value).write(value, out.encoder);
                out.encoder.flush();
            }
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write a " + schema.getFullName() + " for topic '" + topic
                    + "' with schema id " + target.id + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Confluent writes a bytes value as it is, without Avro's length prefix. */
    private static void writeRawBytes(Object value, ReusableOutput out) {
        if (value instanceof byte[] bytes) {
            out.write(bytes, 0, bytes.length);
        } else {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            out.write(bytes, 0, bytes.length);
        }
    }

    private Target target(String topic, Schema schema) {
        Map<Schema, Target> targets = targetsByTopic.get(topic);
        if (targets == null) {
            targets = targetsByTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Target target = targets.get(schema);
        if (target == null) {
            target = resolve(topic, schema);
            targets.putIfAbsent(schema, target);
        }
        return target;
    }

    /** The registry round trip: done once per (topic, schema), then cached. */
    private Target resolve(String topic, Schema schema) {
        String subject = config.subjectNameStrategy(isKey).subjectName(topic, isKey, schema);
        if (config.autoRegisterSchemas()) {
            return new Target(registry.register(subject, schema), schema);
        }
        if (config.useLatestVersion()) {
            RegisteredSchema latest = registry.getLatestVersion(subject);
            if (config.latestCompatibilityStrict()) {
                SchemaCompatibility.SchemaPairCompatibility compatibility =
                        SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
                if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                    throw new SerializationException("The latest version (" + latest.version() + ", id " + latest.id()
                            + ") of subject '" + subject + "' cannot read " + schema.getFullName() + " as this producer "
                            + "has it: " + compatibility.getDescription());
                }
            }
            return new Target(latest.id(), latest.schema());
        }
        return new Target(registry.getId(subject, schema), schema);
    }

    /** Where values of one schema go on one topic: the id to frame them with and the schema to write them with. */
    private static final class Target {
        final int id;
        final Schema schema;
        private volatile DatumWriter<Object> specificWriter;
        private volatile DatumWriter<Object> genericWriter;

        Target(int id, Schema schema) {
            this.id = id;
            this.schema = schema;
        }

        /** Writers are thread-safe and kept; a generated class's own SpecificData carries its logical type conversions. */
        DatumWriter<Object> writerFor(Object value) {
            if (value instanceof SpecificRecord record) {
                DatumWriter<Object> writer = specificWriter;
                if (writer == null) {
                    writer = new SpecificDatumWriter<>(schema, SpecificData.getForClass(record.getClass()));
                    specificWriter = writer;
                }
                return writer;
            }
            DatumWriter<Object> writer = genericWriter;
            if (writer == null) {
                writer = new GenericDatumWriter<>(schema, GenericData.get());
                genericWriter = writer;
            }
            return writer;
        }
    }
}
