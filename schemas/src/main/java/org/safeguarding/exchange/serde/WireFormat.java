package org.safeguarding.exchange.serde;

/**
 * The Confluent Schema Registry framing: byte 0 is the magic byte 0x00, bytes 1-4 the schema id as a big-endian
 * int32, then the Avro binary body.
 */
public final class WireFormat {

    static final byte MAGIC_BYTE = 0x00;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** The schema id of a framed message, or null when the bytes do not start with the magic byte and an id. */
    public static Integer schemaIdOrNull(byte[] message) {
        return message != null && message.length >= HEADER_LENGTH && message[0] == MAGIC_BYTE ? schemaId(message) : null;
    }

    static int schemaId(byte[] message) {
        return ((message[1] & 0xff) << 24) | ((message[2] & 0xff) << 16) | ((message[3] & 0xff) << 8) | (message[4] & 0xff);
    }
}
