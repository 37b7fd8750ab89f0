package org.safeguarding.exchange.serde;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.safeguarding.exchange.registry.client.SchemaRegistryClient;
import org.safeguarding.exchange.registry.client.SchemaRegistryClients;

/**
 * Reads values in the Confluent wire format. Gives a GenericRecord (or a String, Integer, ... for primitive
 * schemas), or, with {@code specific.avro.reader=true}, an instance of the generated class named by the writer's
 * schema, read through that class's own schema so that older and newer writers resolve against it.
 *
 * <p>The registry is asked once per schema id; after that a message costs one map look-up and the Avro decoding.
 */
public class ExchangeAvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient registry;
    private boolean specificReader;
    private final Map<Integer, Reader> readersById = new ConcurrentHashMap<>();
    private final ThreadLocal<BinaryDecoder> decoder = new ThreadLocal<>();

    /** For Kafka, which creates deserializers by class name and then calls {@link #configure}. */
    public ExchangeAvroDeserializer() {
    }

    /** With a registry client of your own; {@code schema.registry.url} is then not needed. */
    public ExchangeAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public ExchangeAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.specificReader = ExchangeAvroSerdeConfig.from(configs).specificAvroReader();
        if (registry == null) {
            registry = SchemaRegistryClients.fromConfig(configs);
        }
        readersById.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] message) {
        if (message == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("ExchangeAvroDeserializer used before configure()");
        }
        if (message.length > 0 && message[0] != WireFormat.MAGIC_BYTE) {
            throw new UnknownMagicByteException(message[0], topic);
        }
        if (message.length < WireFormat.HEADER_LENGTH) {
            throw new SerializationException("Message of " + message.length + " bytes from topic '" + topic
                    + "' is too short for the Confluent wire format (magic byte and 4-byte schema id, then the body)");
        }
        int id = WireFormat.schemaId(message);
        Reader reader = reader(id);
        int bodyLength = message.length - WireFormat.HEADER_LENGTH;
        if (reader.writerSchema.getType() == Schema.Type.BYTES) {
            // Confluent writes a bytes value without Avro's length prefix.
            return Arrays.copyOfRange(message, WireFormat.HEADER_LENGTH, message.length);
        }
        try {
            BinaryDecoder reuse = decoder.get();
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(message, WireFormat.HEADER_LENGTH, bodyLength, reuse);
            if (in != reuse) {
                decoder.set(in);
            }
            Object value = reader.datumReader.read(null, in);
            return reader.writerSchema.getType() == Schema.Type.STRING ? value.toString() : value;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot read the Avro body of a message from topic '" + topic
                    + "' with schema id " + id + " (" + reader.writerSchema.getFullName() + "): " + e, e);
        }
    }

    private Reader reader(int id) {
        Reader reader = readersById.get(id);
        if (reader == null) {
            reader = newReader(registry.getSchemaById(id));
            readersById.putIfAbsent(id, reader);
        }
        return reader;
    }

    private Reader newReader(Schema writer) {
        if (specificReader && writer.getType() == Schema.Type.RECORD) {
            Class<?> generated = SpecificData.get().getClass(writer);
            if (generated == null) {
                throw new SerializationException("No generated class " + writer.getFullName() + " on the classpath "
                        + "for specific.avro.reader=true (add the schemas jar, or read GenericRecords)");
            }
            SpecificData model = SpecificData.getForClass(generated);
            Schema readerSchema = model.getSchema(generated);
            SpecificDatumReader<Object> datumReader = new SpecificDatumReader<>(writer, readerSchema, model);
            // Avro refuses to load classes outside its trust list (org.apache.avro.SERIALIZABLE_PACKAGES); the generated
            // class this reader was asked for is trusted by being asked for, so no JVM flag is needed.
            datumReader.getTrustedPackages().add(generated.getPackageName());
            return new Reader(writer, datumReader);
        }
        return new Reader(writer, new GenericDatumReader<>(writer, writer, GenericData.get()));
    }

    /** Readers are thread-safe and kept per writer schema id. */
    private record Reader(Schema writerSchema, DatumReader<Object> datumReader) {
    }
}
