package org.safeguarding.exchange.serde;

/**
 * The Confluent Schema Registry framing: byte 0 is the magic byte 0x00, bytes 1-4 the schema id as a big-endian
 * int32, then the Avro binary body.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0x00;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    static int schemaId(byte[] message) {
        return ((message[1] & 0xff) << 24) | ((message[2] & 0xff) << 16) | ((message[3] & 0xff) << 8) | (message[4] & 0xff);
    }
}
