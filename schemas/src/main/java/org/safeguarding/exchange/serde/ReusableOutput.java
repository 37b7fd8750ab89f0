package org.safeguarding.exchange.serde;

import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * A per-thread growable buffer and the Avro encoder that writes into it, kept between messages so that serializing
 * allocates only the returned byte array. Unlike ByteArrayOutputStream it takes no lock per write.
 */
final class ReusableOutput extends OutputStream {

    private byte[] buffer = new byte[512];
    private int count;
    final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(this, null);

    void reset() {
        count = 0;
    }

    @Override
    public void write(int b) {
        ensureCapacity(count + 1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        ensureCapacity(count + length);
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    void writeInt(int value) {
        ensureCapacity(count + 4);
        buffer[count++] = (byte) (value >>> 24);
        buffer[count++] = (byte) (value >>> 16);
        buffer[count++] = (byte) (value >>> 8);
        buffer[count++] = (byte) value;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, count);
    }

    private void ensureCapacity(int needed) {
        if (needed > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
        }
    }
}
