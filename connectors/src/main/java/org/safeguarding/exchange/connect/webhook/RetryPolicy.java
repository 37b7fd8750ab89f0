package org.safeguarding.exchange.connect.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the webhook does after each attempt: done (2xx), try again later (408, 429, 5xx, no answer), or give up and
 * dead-letter (any other status, or the attempts ran out). Waits double from the initial backoff up to the maximum; a
 * Retry-After header (seconds or an HTTP date, RFC 9110 section 10.2.3) replaces the computed wait.
 *
 * @param maxAttempts how many requests one message may take; 0 for no limit (the partition waits for the partner)
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    /** What to do next. */
    public sealed interface Decision permits Delivered, Retry, GiveUp {
    }

    public record Delivered(int status) implements Decision {
    }

    public record Retry(Duration delay, String why) implements Decision {
    }

    public record GiveUp(String why) implements Decision {
    }

    /** After the partner answered {@code status} to attempt number {@code attempt} (1 for the first). */
    public Decision afterAnswer(int status, String retryAfter, String answerStart, int attempt, Instant now) {
        if (status >= 200 && status < 300) {
            return new Delivered(status);
        }
        String why = "the partner answered " + status + (answerStart == null || answerStart.isBlank() ? "" : ": " + answerStart);
        if (!retriable(status)) {
            return new GiveUp(why);
        }
        return again(why, retryAfter(retryAfter, now).orElse(backoff(attempt)), attempt);
    }

    /** After attempt number {@code attempt} got no answer (connection refused or reset, TLS failure, timeout). */
    public Decision afterNoAnswer(String problem, int attempt) {
        return again("no answer: " + problem, backoff(attempt), attempt);
    }

    private Decision again(String why, Duration wait, int attempt) {
        if (maxAttempts > 0 && attempt >= maxAttempts) {
            return new GiveUp("gave up after " + attempt + " attempts; the last: " + why);
        }
        return new Retry(wait, why);
    }

    static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** The wait after attempt number {@code attempt}: the initial backoff, doubled each time, at most the maximum. */
    public Duration backoff(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    /** A Retry-After value as a wait from now; empty when absent or unreadable. A date in the past waits nothing. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
