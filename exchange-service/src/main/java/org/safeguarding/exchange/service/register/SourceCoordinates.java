package org.safeguarding.exchange.service.register;

/** Where a message was read: its intake topic, partition and offset. */
public record SourceCoordinates(String topic, int partition, long offset) {

    /** The chain an entry belongs to: one hash chain per intake partition, so writers never share a chain head. */
    public String chainId() {
        return topic + "/" + partition;
    }
}
