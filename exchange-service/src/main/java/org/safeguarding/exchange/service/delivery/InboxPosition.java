package org.safeguarding.exchange.service.delivery;

/** A place in an agency's inbox: the partition a message is written to and an offset at or before where it lands. */
public record InboxPosition(String topic, int partition, long offset) {
}
