package org.safeguarding.exchange.service.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why someone opens a child's records, as they state it before the console shows them: one of a short list, with
 * words of their own (required for "other"). Kept in the access log with each read it allows; it holds for one case or
 * entry, for a short while, in the reader's session only.
 */
public record ReadReason(String code, String details, Instant statedAt) {

    /** How long a stated reason holds before the console asks again. */
    public static final Duration HOLDS_FOR = Duration.ofMinutes(30);
    public static final int MAX_DETAILS = 500;

    /** The reasons offered, by code, in the order shown. */
    public static final Map<String, String> CHOICES = choices();

    private static Map<String, String> choices() {
        Map<String, String> choices = new LinkedHashMap<>();
        choices.put("concern", "Reviewing a safeguarding concern about this child");
        choices.put("audit", "Audit of how information was shared");
        choices.put("subject-access", "Answering a subject access request");
        choices.put("legal", "A complaint, court or legal request");
        choices.put("other", "Another reason");
        return java.util.Collections.unmodifiableMap(choices);
    }

    /** The reason, or why it cannot be accepted. */
    public sealed interface Stated permits Accepted, Refused {
    }

    public record Accepted(ReadReason reason) implements Stated {
    }

    /** @param field the form field at fault, for the error summary's link */
    public record Refused(String field, String message) implements Stated {
    }

    public static Stated of(String code, String details, Instant now) {
        String words = details == null ? "" : details.strip();
        if (code == null || !CHOICES.containsKey(code)) {
            return new Refused("reason", "Choose why you need to open these records");
        }
        if (code.equals("other") && words.isEmpty()) {
            return new Refused("details", "Say why you need to open these records");
        }
        if (words.length() > MAX_DETAILS) {
            return new Refused("details", "Say why in " + MAX_DETAILS + " characters or fewer");
        }
        return new Accepted(new ReadReason(code, words.isEmpty() ? null : words, now));
    }

    /** As the access log keeps it: the choice's words, and the reader's own after a colon. */
    public String logged() {
        return CHOICES.get(code) + (details == null ? "" : ": " + details);
    }

    public boolean holdsAt(Instant now) {
        return !now.isAfter(statedAt.plus(HOLDS_FOR));
    }

    /** The reason still holding for {@code key} in the session's reasons, if any. */
    public static Optional<ReadReason> holding(Map<String, ReadReason> reasons, String key, Instant now) {
        return Optional.ofNullable(reasons.get(key)).filter(r -> r.holdsAt(now));
    }
}
