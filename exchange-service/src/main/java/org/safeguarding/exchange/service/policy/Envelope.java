package org.safeguarding.exchange.service.policy;

import java.time.Instant;

/**
 * What the exchange knows of a message besides its record: the headers an agency sent with it and where and
 * when it arrived.
 *
 * @param messageId  the {@code exchange-message-id} header, or null when it is missing
 * @param sender     the {@code exchange-sender} header, or null when it is missing
 * @param topic      the topic the message was read from
 * @param receivedAt when the exchange read it
 */
public record Envelope(String messageId, String sender, String topic, Instant receivedAt) {
}
