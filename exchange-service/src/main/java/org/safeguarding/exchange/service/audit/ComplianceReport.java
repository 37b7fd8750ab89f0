package org.safeguarding.exchange.service.audit;

import java.time.Instant;
import java.util.List;
import org.safeguarding.exchange.service.register.EntryView;

/**
 * What a compliance review looks for in the register: requests left without a decision, sharing without a confirmed
 * identity check, requests and sharing without consent or a reason, late entries.
 */
public record ComplianceReport(Instant generatedAt, int undecidedAfterDays, List<Finding> findings) {

    /** Entries listed in a finding at most; the finding says when there were more. */
    public static final int LISTED_PER_FINDING = 1_000;

    /** @param truncated whether more entries matched than are listed */
    public record Finding(String check, String rule, int count, boolean truncated, List<EntryView> entries) {

        /** A finding from up to {@link #LISTED_PER_FINDING} + 1 entries found: the extra one only says there are more. */
        public static Finding of(String check, String rule, List<EntryView> found) {
            boolean truncated = found.size() > LISTED_PER_FINDING;
            List<EntryView> entries = truncated ? found.subList(0, LISTED_PER_FINDING) : found;
            return new Finding(check, rule, entries.size(), truncated, entries);
        }
    }

    public List<EntryView> entries() {
        return findings.stream().flatMap(f -> f.entries().stream()).toList();
    }
}
