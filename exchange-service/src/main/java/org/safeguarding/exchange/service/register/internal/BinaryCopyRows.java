package org.safeguarding.exchange.service.register.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Rows in PostgreSQL's binary COPY format ({@code COPY ... FROM STDIN (FORMAT binary)}), for the few column types the
 * register writes. The server reads each value as it is stored instead of parsing text (timestamps, arrays, bytea
 * escapes) and runs no statement per row, which is the cheapest way into a table short of not writing.
 *
 * <p>The format, as PostgreSQL's documentation for COPY describes it: an 11-byte signature, a 32-bit flags word and a
 * 32-bit header-extension length (both 0); then per row a 16-bit field count and, per field, a 32-bit byte length
 * (-1 for null) followed by the value in the type's binary send format; then a 16-bit -1. All integers big-endian.
 * Write one row's fields in the order the COPY statement names its columns.
 */
public final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** pg_type oid of text, the element type a text[] value names. */
    private static final int TEXT_OID = 25;
    /** jsonb's binary format: a version byte, then the JSON text. */
    private static final byte JSONB_VERSION = 1;
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    private final BigEndianBuffer out;

    BinaryCopyRows(int initialCapacity) {
        out = new BigEndianBuffer(initialCapacity);
        out.append(SIGNATURE);
        out.int32(0); // flags
        out.int32(0); // header extension length
    }

    public BinaryCopyRows row(int fieldCount) {
        out.int16(fieldCount);
        return this;
    }

    public BinaryCopyRows int64(long value) {
        out.int32(8);
        out.int64(value);
        return this;
    }

    public BinaryCopyRows int16(int value) {
        out.int32(2);
        out.int16(value);
        return this;
    }

    public BinaryCopyRows int32(Integer value) {
        if (value == null) {
            return nullValue();
        }
        out.int32(4);
        out.int32(value);
        return this;
    }

    public BinaryCopyRows bool(boolean value) {
        out.int32(1);
        out.int8(value ? 1 : 0);
        return this;
    }

    public BinaryCopyRows text(String value) {
        return value == null ? nullValue() : bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public BinaryCopyRows bytes(byte[] value) {
        if (value == null) {
            return nullValue();
        }
        out.int32(value.length);
        out.append(value);
        return this;
    }

    /**
     * A timestamptz, truncated to the microsecond that PostgreSQL keeps. Truncating (not rounding) can never carry into
     * the next millisecond, which the entry hash covers.
     */
    public BinaryCopyRows timestamp(Instant value) {
        if (value == null) {
            return nullValue();
        }
        long micros = Math.multiplyExact(value.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L) + value.getNano() / 1_000;
        return int64(micros);
    }

    /** A one-dimensional text[] without nulls; an empty list is the empty array, '{}'. */
    public BinaryCopyRows textArray(List<String> values) {
        byte[][] items = new byte[values.size()][];
        int size = 12 + (values.isEmpty() ? 0 : 8);
        for (int i = 0; i < items.length; i++) {
            String value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException("A text[] column of the register holds no nulls");
            }
            items[i] = value.getBytes(StandardCharsets.UTF_8);
            size += 4 + items[i].length;
        }
        out.int32(size);
        out.int32(values.isEmpty() ? 0 : 1); // dimensions
        out.int32(0); // no nulls
        out.int32(TEXT_OID);
        if (!values.isEmpty()) {
            out.int32(items.length);
            out.int32(1); // lower bound, as PostgreSQL numbers array elements
            for (byte[] item : items) {
                out.int32(item.length);
                out.append(item);
            }
        }
        return this;
    }

    public BinaryCopyRows jsonb(String json) {
        if (json == null) {
            return nullValue();
        }
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        out.int32(1 + utf8.length);
        out.int8(JSONB_VERSION);
        out.append(utf8);
        return this;
    }

    public BinaryCopyRows nullValue() {
        out.int32(-1);
        return this;
    }

    /** Ends the data with the trailer and returns it (the first {@link BigEndianBuffer#length()} bytes); write no rows after. */
    public BigEndianBuffer finish() {
        out.int16(-1);
        return out;
    }
}
