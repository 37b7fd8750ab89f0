package org.safeguarding.exchange.service.register;

import java.time.Instant;

/**
 * Filters for reading the register; null (or false) means "any". Paged newest first by sequence: {@code before} is
 * the smallest sequence of the previous page (keyset paging, so deep pages cost the same as the first, and entries
 * recorded while someone pages get higher sequences and never shift the pages being read).
 *
 * @param agency       entries this agency sent or received (a filter the caller chose)
 * @param requester    the requester's name as recorded, compared without regard to case
 * @param lateOnly     only entries flagged LATE_ENTRY (Derby section 1)
 * @param visibleTo    entries this agency sent or received (a restriction the caller's role imposes), or null
 */
public record EntryQuery(String caseReference, String agency, String recordType, Instant from, Instant to, Long before, int limit,
        String requester, String decision, String consentStatus, boolean lateOnly, String visibleTo) {

    public static final int MAX_LIMIT = 500;

    public EntryQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public EntryQuery(String caseReference, String agency, String recordType, Instant from, Instant to, Long before, int limit) {
        this(caseReference, agency, recordType, from, to, before, limit, null, null, null, false, null);
    }

    /** The same filters for someone who may see only the entries {@code agency} sent or received. */
    public EntryQuery visibleTo(String agency) {
        return new EntryQuery(caseReference, this.agency, recordType, from, to, before, limit, requester, decision, consentStatus,
                lateOnly, agency);
    }
}
