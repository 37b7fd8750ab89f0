package org.safeguarding.exchange.service.contract;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.safeguarding.exchange.agency.AgencyClient;

/** Header names of the exchange contract, and reading them safely from records agencies wrote. */
public final class ExchangeHeaders {

    /** The contract's own header names, as agencies' client code writes them. */
    public static final String MESSAGE_ID = AgencyClient.MESSAGE_ID;
    public static final String SENDER = AgencyClient.SENDER;
    public static final String ERROR = "exchange-error";
    public static final String ORIGINAL_TOPIC = "exchange-original-topic";
    public static final String ORIGINAL_PARTITION = "exchange-original-partition";
    public static final String ORIGINAL_OFFSET = "exchange-original-offset";
    public static final String RECORD_TYPE = "exchange-record-type";
    public static final String REGISTER_SEQUENCE = "exchange-register-sequence";
    public static final String ENTRY_HASH = "exchange-entry-hash";
    /** On a dead letter the exchange re-submits to intake: the approved replay it carries out. */
    public static final String REPLAY_OF = "exchange-replay-of";

    private ExchangeHeaders() {
    }

    /** The last value of a header as text, or null when absent or blank. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? null : value;
    }

    public static byte[] utf8(Object value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
