package org.safeguarding.exchange.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;

/**
 * The contract's JSON form of a message: plain JSON as a person would write it (unions unwrapped, enums as names,
 * timestamps and dates as ISO-8601 text, bytes as hex), unlike Avro's own JSON encoding. The register serves it to its
 * readers, the inbox webhook sends it to partners, and the file-drop intake reads it back ({@link #read}).
 * Written by hand over a StringBuilder: a register export runs it once per entry.
 */
public final class ContractJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ContractJson() {
    }

    /** The JSON form of a record: specific records give ISO-8601 times, generic ones the numbers Avro holds. */
    public static String of(IndexedRecord record) {
        StringBuilder out = new StringBuilder(1024);
        value(out, record);
        return out.toString();
    }

    private static void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof IndexedRecord r) {
            out.append('{');
            boolean first = true;
            for (Schema.Field field : r.getSchema().getFields()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, field.name());
                out.append(':');
                value(out, r.get(field.pos()));
            }
            out.append('}');
        } else if (v instanceof CharSequence || v instanceof TemporalAccessor
                || (v instanceof GenericContainer && !(v instanceof IndexedRecord) && !(v instanceof Collection<?>))
                || v instanceof Enum<?>) {
            string(out, v.toString());
        } else if (v instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, item);
            }
            out.append(']');
        } else if (v instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, e.getKey().toString());
                out.append(':');
                value(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof ByteBuffer bytes) {
            string(out, java.util.HexFormat.of().formatHex(bytes.array(), bytes.arrayOffset() + bytes.position(),
                    bytes.arrayOffset() + bytes.limit()));
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            string(out, v.toString());
        } else {
            out.append(v);
        }
    }

    /** Copies runs of characters that need no escape in one append each: most strings are one such run. */
    private static void string(StringBuilder out, String s) {
        out.append('"');
        int plainFrom = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plainFrom, i);
            escape(out, c);
            plainFrom = i + 1;
        }
        out.append(s, plainFrom, s.length());
        out.append('"');
    }

    private static void escape(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            // Shown as U+FFFD, as it always was (this form was once kept as jsonb, which refuses \u0000); every other
            // control character is escaped as JSON requires.
            case 0 -> out.append("\\ufffd");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }

    /**
     * Reads a record of this schema from its JSON form, as {@link #of} writes it, into a GenericRecord ready for the
     * exchange's serializer: a timestamp-millis is ISO-8601 text or milliseconds, a date ISO-8601 text or days, an
     * enum its symbol, a nullable field null, absent, or its value. A field that is absent takes its schema default.
     *
     * @throws IllegalArgumentException naming the first field that does not fit the schema
     */
    public static GenericRecord read(String json, Schema schema) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("Only records are read from JSON, not " + schema.getType());
        }
        return (GenericRecord) read(tree, schema, schema.getName());
    }

    private static Object read(JsonNode node, Schema schema, String path) {
        LogicalType logical = schema.getLogicalType();
        switch (schema.getType()) {
            case NULL:
                if (node == null || node.isNull()) {
                    return null;
                }
                throw misfit(path, "null", node);
            case UNION:
                return union(node, schema, path);
            case RECORD: {
                if (node == null || !node.isObject()) {
                    throw misfit(path, "an object", node);
                }
                GenericData.Record record = new GenericData.Record(schema);
                for (Schema.Field field : schema.getFields()) {
                    JsonNode value = node.get(field.name());
                    String at = path + "." + field.name();
                    if (value == null && field.hasDefaultValue()) {
                        record.put(field.pos(), GenericData.get().deepCopy(field.schema(), GenericData.get().getDefaultValue(field)));
                    } else if (value == null && !nullable(field.schema())) {
                        throw new IllegalArgumentException(at + " is missing");
                    } else {
                        record.put(field.pos(), read(value, field.schema(), at));
                    }
                }
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (schema.getField(name) == null) {
                        throw new IllegalArgumentException(path + "." + name + " is not a field of " + schema.getFullName());
                    }
                }
                return record;
            }
            case ENUM:
                if (node != null && node.isTextual() && schema.hasEnumSymbol(node.asText())) {
                    return new GenericData.EnumSymbol(schema, node.asText());
                }
                throw misfit(path, "one of " + schema.getEnumSymbols(), node);
            case ARRAY: {
                if (node == null || !node.isArray()) {
                    throw misfit(path, "an array", node);
                }
                List<Object> items = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    items.add(read(node.get(i), schema.getElementType(), path + "[" + i + "]"));
                }
                return new GenericData.Array<>(schema, items);
            }
            case MAP: {
                if (node == null || !node.isObject()) {
                    throw misfit(path, "an object", node);
                }
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> map.put(e.getKey(), read(e.getValue(), schema.getValueType(), path + "." + e.getKey())));
                return map;
            }
            case STRING:
                if (node != null && node.isTextual()) {
                    return node.asText();
                }
                throw misfit(path, "text", node);
            case BOOLEAN:
                if (node != null && node.isBoolean()) {
                    return node.asBoolean();
                }
                throw misfit(path, "true or false", node);
            case INT:
                if (logical instanceof LogicalTypes.Date && node != null && node.isTextual()) {
                    try {
                        return (int) LocalDate.parse(node.asText()).toEpochDay();
                    } catch (DateTimeParseException e) {
                        throw misfit(path, "an ISO-8601 date", node);
                    }
                }
                if (node != null && node.isIntegralNumber() && node.canConvertToInt()) {
                    return node.asInt();
                }
                throw misfit(path, logical instanceof LogicalTypes.Date ? "an ISO-8601 date" : "an integer", node);
            case LONG:
                if (logical instanceof LogicalTypes.TimestampMillis && node != null && node.isTextual()) {
                    try {
                        return Instant.parse(node.asText()).toEpochMilli();
                    } catch (DateTimeParseException e) {
                        throw misfit(path, "an ISO-8601 instant such as 2026-03-02T09:15:00Z", node);
                    }
                }
                if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
                    return node.asLong();
                }
                throw misfit(path, logical instanceof LogicalTypes.TimestampMillis ? "an ISO-8601 instant" : "an integer", node);
            case FLOAT:
                if (node != null && node.isNumber()) {
                    return node.floatValue();
                }
                throw misfit(path, "a number", node);
            case DOUBLE:
                if (node != null && node.isNumber()) {
                    return node.doubleValue();
                }
                throw misfit(path, "a number", node);
            case BYTES:
                if (node != null && node.isTextual()) {
                    try {
                        return ByteBuffer.wrap(HexFormat.of().parseHex(node.asText()));
                    } catch (IllegalArgumentException e) {
                        throw misfit(path, "hex", node);
                    }
                }
                throw misfit(path, "hex", node);
            default:
                throw new IllegalArgumentException(path + ": " + schema.getType() + " is not read from JSON");
        }
    }

    /** A union's value is written unwrapped: the first branch that takes it wins (null first, as the contract orders them). */
    private static Object union(JsonNode node, Schema schema, String path) {
        List<String> tried = new ArrayList<>();
        for (Schema branch : schema.getTypes()) {
            try {
                return read(node, branch, path);
            } catch (IllegalArgumentException e) {
                tried.add(branch.getType() == Schema.Type.NULL ? "null" : e.getMessage());
            }
        }
        throw new IllegalArgumentException(path + " fits no branch of its union: " + String.join("; ", tried));
    }

    private static boolean nullable(Schema schema) {
        return schema.getType() == Schema.Type.NULL
                || schema.getType() == Schema.Type.UNION && schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }

    private static IllegalArgumentException misfit(String path, String expected, JsonNode found) {
        String shown = found == null ? "nothing" : found.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 40) + "...";
        }
        return new IllegalArgumentException(path + " must be " + expected + ", not " + shown);
    }
}
