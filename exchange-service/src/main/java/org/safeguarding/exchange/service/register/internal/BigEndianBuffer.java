package org.safeguarding.exchange.service.register.internal;

import java.util.Arrays;

/**
 * A growable byte array written in big-endian order, for the register's two binary encodings (the canonical entry
 * encoding and PostgreSQL's binary COPY rows). A plain array: ByteArrayOutputStream would take a lock for every write.
 */
public final class BigEndianBuffer {

    private byte[] buffer;
    private int length;

    public BigEndianBuffer(int initialCapacity) {
        buffer = new byte[Math.max(initialCapacity, 16)];
    }

    public void int8(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    public void int16(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    public void int32(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    public void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    public void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    /** The bytes written so far: the first {@link #length()} bytes of the array, which is not copied. */
    public byte[] array() {
        return buffer;
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
