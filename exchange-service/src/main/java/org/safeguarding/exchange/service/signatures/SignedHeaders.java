package org.safeguarding.exchange.service.signatures;

import org.apache.kafka.common.header.Headers;
import org.safeguarding.exchange.service.contract.ExchangeHeaders;
import org.safeguarding.exchange.signing.MessageSignature;

/** The headers of a message that its signature covers or carries, as sent (any may be null). */
public record SignedHeaders(String messageId, String sender, String sentAt, String keyId, String signature) {

    public static SignedHeaders of(Headers headers) {
        return new SignedHeaders(ExchangeHeaders.text(headers, ExchangeHeaders.MESSAGE_ID), ExchangeHeaders.text(headers, ExchangeHeaders.SENDER),
                ExchangeHeaders.text(headers, MessageSignature.SENT_AT_HEADER), ExchangeHeaders.text(headers, MessageSignature.KEY_ID_HEADER),
                ExchangeHeaders.text(headers, MessageSignature.SIGNATURE_HEADER));
    }

    boolean unsigned() {
        return sentAt == null && keyId == null && signature == null;
    }
}
