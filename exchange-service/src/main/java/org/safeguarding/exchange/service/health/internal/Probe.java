package org.safeguarding.exchange.service.health.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * One part's check, run again and again in the background, and what it says now: the last answer, unless the check in
 * flight has waited longer than the time limit (a stopped database holds a connection request for as long as the
 * pool's own time-out), in which case the part is down. Whoever asks is answered at once.
 */
final class Probe {

    /** What a probe says of its part. */
    record Result(Status status, Map<String, Object> details) {

        static Result up(Map<String, Object> details) {
            return new Result(Status.UP, details);
        }

        static Result down(String error) {
            return new Result(Status.DOWN, Map.of("error", error));
        }
    }

    enum Status { UNKNOWN, UP, DOWN }

    private final Callable<Map<String, Object>> check;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private volatile Result last = new Result(Status.UNKNOWN, Map.of("error", "not checked yet"));
    private volatile long startedAt;
    private volatile boolean inFlight;

    /** {@code check} returns the part's details when it answers and throws when it does not. */
    Probe(Callable<Map<String, Object>> check, Duration timeout, LongSupplier nanoTime) {
        this.check = check;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    /** Runs the check once, on the caller's thread. */
    void run() {
        startedAt = nanoTime.getAsLong();
        inFlight = true;
        Result result;
        try {
            result = Result.up(check.call());
        } catch (Exception e) {
            result = Result.down(describe(e));
        }
        last = result;
        inFlight = false;
    }

    Result now() {
        if (inFlight) {
            long waited = nanoTime.getAsLong() - startedAt;
            if (waited > timeout.toNanos()) {
                return Result.down("no answer for " + Duration.ofNanos(waited).toMillis() + " ms");
            }
        }
        return last;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
