package org.safeguarding.exchange.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A message that does not start with the Confluent wire format's magic byte 0x00. */
public class UnknownMagicByteException extends SerializationException {

    private final byte found;
    private final String topic;

    public UnknownMagicByteException(byte found, String topic) {
        super(String.format("Unknown magic byte 0x%02X at the start of a message from topic '%s': expected 0x00, "
                + "the Confluent wire format (magic byte, 4-byte schema id, Avro body); was it written without a "
                + "schema registry serializer?", found, topic));
        this.found = found;
        this.topic = topic;
    }

    public byte found() {
        return found;
    }

    public String topic() {
        return topic;
    }
}
