package org.safeguarding.exchange.service.policy;

import java.util.regex.Pattern;
import org.apache.avro.specific.SpecificRecord;

/**
 * Contract rule 5: the {@code exchange-message-id} header is the idempotency key, so every message carries one
 * and it is a UUID (canonical 8-4-4-4-12 hex form; {@code UUID.fromString} alone accepts shortened forms).
 */
final class MessageIdIsUuid implements Rule<SpecificRecord> {

    static final String RULE_ID = "contract-5/message-id-uuid";
    static final String HEADER = "exchange-message-id";

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public void check(SpecificRecord message, Envelope envelope, Findings findings) {
        String messageId = envelope.messageId();
        if (RecordFields.isBlank(messageId)) {
            findings.violation(HEADER, RULE_ID,
                    "Send the message with an exchange-message-id header holding a new UUID; the exchange uses it to recognise a message sent twice.");
        } else if (!UUID_FORM.matcher(messageId).matches()) {
            findings.violation(HEADER, RULE_ID,
                    "The exchange-message-id header '" + messageId + "' is not a UUID; send a UUID such as 3f2c1a9e-5b7d-4c1e-9a0f-2d6b8e4c7a15.");
        }
    }
}
