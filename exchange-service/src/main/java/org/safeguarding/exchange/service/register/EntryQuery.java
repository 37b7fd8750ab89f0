package org.safeguarding.exchange.service.register;

import java.time.Instant;

/**
 * Filters for reading the register; null means "any". Paged newest first by sequence: {@code before} is the
 * smallest sequence of the previous page (keyset paging, so deep pages cost the same as the first).
 */
public record EntryQuery(String caseReference, String agency, String recordType, Instant from, Instant to, Long before, int limit) {

    public static final int MAX_LIMIT = 500;

    public EntryQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
