package org.safeguarding.exchange.service.register.internal;

import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;

/**
 * The readable form of a decoded message, which readers of the register are served: plain JSON as a person would write
 * it (unions unwrapped, enums as names, timestamps and dates as ISO-8601 text), unlike Avro's own JSON encoding.
 * Derived from the exact bytes whenever an entry is read, so written by hand over a StringBuilder: an export runs it
 * once per entry.
 */
public final class ReadableJson {

    private ReadableJson() {
    }

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
}
