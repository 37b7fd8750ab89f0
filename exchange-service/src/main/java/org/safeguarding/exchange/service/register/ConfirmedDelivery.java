package org.safeguarding.exchange.service.register;

import java.time.Instant;

/**
 * How the delivery of a message to an agency without Kafka ended (exchange.v1.DeliveryConfirmation), as the register
 * keeps it beside the message's entry.
 *
 * @param entrySequence the sequence of the confirmed message's register entry; null when the register holds none
 * @param payload       the confirmation's exact bytes, as the connector wrote them
 */
public record ConfirmedDelivery(
        String confirmationId,
        String messageId,
        String sender,
        String recipientAgency,
        Long entrySequence,
        boolean delivered,
        Integer httpStatus,
        String reason,
        String endpoint,
        int attempts,
        Instant confirmedAt,
        Instant recordedAt,
        byte[] payload) {
}
