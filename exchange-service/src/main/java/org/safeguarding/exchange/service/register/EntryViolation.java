package org.safeguarding.exchange.service.register;

/** A rule a rejected message broke, as the register keeps it. */
public record EntryViolation(String field, String rule, String message) {
}
