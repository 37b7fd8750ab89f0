package org.safeguarding.exchange.service.register;

/**
 * What makes a message the same message twice (contract rule 5): its id, within the namespace of the agency the
 * exchange proved sent it. An agency that learns another's message id cannot send first and turn the real message
 * into a duplicate. Messages whose sender was not proven share one namespace.
 *
 * @param provenSender the agency proven to have sent the message, or null when none was proven
 */
public record EntryKey(String provenSender, String messageId) {
}
