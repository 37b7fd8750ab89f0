/**
 * Delivery confirmations from the inbox webhook connector (connectors/): each is kept in the register beside the
 * message it confirms and passed on to the message's sender with its receipts.
 */
package org.safeguarding.exchange.service.confirmations;
