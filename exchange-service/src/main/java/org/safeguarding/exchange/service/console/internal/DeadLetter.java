package org.safeguarding.exchange.service.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safeguarding.exchange.service.register.EntryView;
import tools.jackson.databind.ObjectMapper;

/**
 * A dead letter as the console lists it: when, from whom, how large, why it could not be read, where it was read.
 * Built from the entry's metadata only, so no message body reaches a hub's page.
 */
public record DeadLetter(long sequence, Instant receivedAt, String sender, int size, String error, String source) {

    /** The sender the exchange proved, or says that it proved none. */
    public static final String NOT_PROVEN = "not proven";

    public static DeadLetter of(EntryView entry, ObjectMapper json) {
        return new DeadLetter(entry.sequence(), entry.receivedAt(), entry.provenSender() == null ? NOT_PROVEN : entry.provenSender(),
                entry.payloadSize(), firstViolation(entry.violations(), json),
                entry.sourceTopic() + " partition " + entry.sourcePartition() + " offset " + entry.sourceOffset());
    }

    @SuppressWarnings("unchecked")
    private static String firstViolation(String violations, ObjectMapper json) {
        if (violations == null || violations.isBlank()) {
            return "undecodable";
        }
        List<Map<String, Object>> all = json.readValue(violations, List.class);
        return all.isEmpty() ? "undecodable" : String.valueOf(all.get(0).get("message"));
    }
}
