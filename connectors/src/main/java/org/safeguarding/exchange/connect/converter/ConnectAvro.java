package org.safeguarding.exchange.connect.converter;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and values as Kafka Connect's, and back. A record becomes a struct named by the record's full name; a
 * union of null and one type an optional field; an enum a string (its Avro name kept as a schema parameter);
 * timestamp-millis Connect's Timestamp and date Connect's Date. Values going back are written with the Avro schema they
 * came from, so the bytes are the same.
 */
public final class ConnectAvro {

    /** Parameter naming the Avro enum a string field holds. */
    public static final String ENUM = "exchange.avro.enum";

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final Map<org.apache.avro.Schema, Schema> connectSchemas = new ConcurrentHashMap<>();

    public Schema toConnectSchema(org.apache.avro.Schema avro) {
        return connectSchemas.computeIfAbsent(avro, s -> build(s, false));
    }

    private Schema build(org.apache.avro.Schema avro, boolean optional) {
        SchemaBuilder builder = switch (avro.getType()) {
            case RECORD -> {
                SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    struct.field(field.name(), fieldSchema(field.schema()));
                }
                yield struct;
            }
            case ENUM -> SchemaBuilder.string().parameter(ENUM, avro.getFullName());
            case ARRAY -> SchemaBuilder.array(fieldSchema(avro.getElementType()));
            case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, fieldSchema(avro.getValueType()));
            case STRING -> SchemaBuilder.string();
            case BOOLEAN -> SchemaBuilder.bool();
            case INT -> avro.getLogicalType() instanceof LogicalTypes.Date ? Date.builder() : SchemaBuilder.int32();
            case LONG -> avro.getLogicalType() instanceof LogicalTypes.TimestampMillis ? Timestamp.builder() : SchemaBuilder.int64();
            case FLOAT -> SchemaBuilder.float32();
            case DOUBLE -> SchemaBuilder.float64();
            case BYTES, FIXED -> SchemaBuilder.bytes();
            default -> throw new DataException("Avro " + avro.getType() + " has no Connect form here: " + avro);
        };
        if (avro.getDoc() != null) {
            builder.doc(avro.getDoc());
        }
        return optional ? builder.optional().build() : builder.build();
    }

    private Schema fieldSchema(org.apache.avro.Schema avro) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            List<org.apache.avro.Schema> branches = avro.getTypes().stream()
                    .filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).toList();
            if (branches.size() != 1 || avro.getTypes().size() != 2) {
                throw new DataException("Only a union of null and one type has a Connect form, not " + avro);
            }
            return build(branches.get(0), true);
        }
        return build(avro, false);
    }

    /** An Avro value (generic representation: times as numbers) as a Connect value of {@code schema}. */
    public Object toConnectValue(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        switch (schema.type()) {
            case STRUCT: {
                GenericRecord record = (GenericRecord) value;
                Struct struct = new Struct(schema);
                for (Field field : schema.fields()) {
                    struct.put(field, toConnectValue(field.schema(), record.get(field.name())));
                }
                return struct;
            }
            case ARRAY: {
                List<Object> items = new ArrayList<>();
                for (Object item : (Collection<?>) value) {
                    items.add(toConnectValue(schema.valueSchema(), item));
                }
                return items;
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), toConnectValue(schema.valueSchema(), v)));
                return map;
            }
            case STRING:
                return value.toString();
            case INT32:
                return Date.LOGICAL_NAME.equals(schema.name()) ? new java.util.Date(((Integer) value) * MILLIS_PER_DAY) : value;
            case INT64:
                return Timestamp.LOGICAL_NAME.equals(schema.name()) ? new java.util.Date((Long) value) : value;
            case BYTES:
                if (value instanceof ByteBuffer buffer) {
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.duplicate().get(bytes);
                    return bytes;
                }
                return value instanceof GenericFixed fixed ? fixed.bytes() : value;
            default:
                return value;
        }
    }

    /** A Connect value back as Avro's generic representation of {@code avro}, the schema it is to be written with. */
    public Object toAvroValue(org.apache.avro.Schema avro, Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            return toAvroValue(avro.getTypes().stream().filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL)
                    .findFirst().orElseThrow(), schema, value);
        }
        switch (avro.getType()) {
            case RECORD: {
                Struct struct = (Struct) value;
                GenericData.Record record = new GenericData.Record(avro);
                for (org.apache.avro.Schema.Field field : avro.getFields()) {
                    Field connectField = struct.schema().field(field.name());
                    if (connectField == null) {
                        throw new DataException(avro.getFullName() + "." + field.name() + " is missing from the struct");
                    }
                    record.put(field.pos(), toAvroValue(field.schema(), connectField.schema(), struct.get(connectField)));
                }
                return record;
            }
            case ENUM:
                return new GenericData.EnumSymbol(avro, value.toString());
            case ARRAY: {
                List<Object> items = new ArrayList<>();
                for (Object item : (Collection<?>) value) {
                    items.add(toAvroValue(avro.getElementType(), schema.valueSchema(), item));
                }
                return new GenericData.Array<>(avro, items);
            }
            case MAP: {
                Map<String, Object> map = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), toAvroValue(avro.getValueType(), schema.valueSchema(), v)));
                return map;
            }
            case INT:
                return value instanceof java.util.Date date ? (int) Math.floorDiv(date.getTime(), MILLIS_PER_DAY) : value;
            case LONG:
                return value instanceof java.util.Date date ? date.getTime() : value;
            case BYTES:
                return value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value;
            case FIXED:
                return new GenericData.Fixed(avro, value instanceof ByteBuffer b ? b.array() : (byte[]) value);
            default:
                return value;
        }
    }
}
