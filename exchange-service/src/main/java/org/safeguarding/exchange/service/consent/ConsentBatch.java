package org.safeguarding.exchange.service.consent;

import exchange.v1.ConsentOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.exchange.service.policy.KnownConsent;
import org.safeguarding.exchange.service.register.EntryKey;

/**
 * The consent history one intake batch is judged against: looked up once for the whole batch, then kept up to date,
 * message by message, with the consent outcomes the batch itself accepts, so that a claim of consent is judged
 * against the outcomes before it in the same batch as well as those already recorded. Also remembers each accepted
 * outcome, to be written if the register records its message as new.
 */
public final class ConsentBatch {

    private final ConsentPositions positions;
    private final Map<EntryKey, ConsentEntry> acceptedOutcomes = new LinkedHashMap<>();

    ConsentBatch(ConsentPositions positions) {
        this.positions = positions;
    }

    /** No consent outcome recorded, for a batch with nothing to look up. */
    static ConsentBatch empty() {
        return new ConsentBatch(new ConsentPositions(List.of()));
    }

    /** Where consent stands, as the recording policy sees it, including what this batch accepted so far. */
    public KnownConsent known() {
        return positions;
    }

    /**
     * Takes in a message the policy accepted; only consent outcomes count. A message the register would take for one
     * seen before (the same {@link EntryKey}) counts once.
     */
    public void accepted(EntryKey key, SpecificRecord message) {
        if (message instanceof ConsentOutcome outcome && !acceptedOutcomes.containsKey(key)) {
            ConsentEntry entry = ConsentEntry.of(key.messageId(), outcome);
            acceptedOutcomes.put(key, entry);
            positions.add(entry);
        }
    }

    /** The consent outcome accepted under this key, not yet given its register sequence. */
    Optional<ConsentEntry> acceptedOutcome(EntryKey key) {
        return Optional.ofNullable(acceptedOutcomes.get(key));
    }
}
