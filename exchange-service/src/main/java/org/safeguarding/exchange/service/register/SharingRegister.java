package org.safeguarding.exchange.service.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sharing register: records a batch of messages in one database transaction, keyed by message id, so that
 * the register and nothing else decides whether a message is new, a replay or a duplicate.
 *
 * <p>Per batch: one query for the message ids already present, one for the heads of the chains involved, one to
 * allocate sequence numbers, one binary COPY of the new entries. No round trip per message.
 */
@Service
public class SharingRegister {

    private final RegisterStore store;

    SharingRegister(RegisterStore store) {
        this.store = store;
    }

    @Transactional
    public List<Recorded> record(List<NewEntry> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, RegisterEntry> existing = store.findByMessageIds(batch.stream().map(NewEntry::messageId).distinct().toList());
        List<NewEntry> fresh = new ArrayList<>();
        Map<String, NewEntry> firstInBatch = new HashMap<>();
        for (NewEntry message : batch) {
            if (!existing.containsKey(message.messageId()) && firstInBatch.putIfAbsent(message.messageId(), message) == null) {
                fresh.add(message);
            }
        }
        Map<String, RegisterEntry> written = append(fresh);

        List<Recorded> results = new ArrayList<>(batch.size());
        for (NewEntry message : batch) {
            RegisterEntry before = existing.get(message.messageId());
            if (before != null) {
                boolean sameRecord = before.message().source().equals(message.source());
                results.add(new Recorded(message, before, sameRecord ? Disposition.REPLAY : Disposition.DUPLICATE));
            } else if (firstInBatch.get(message.messageId()) == message) {
                results.add(new Recorded(message, written.get(message.messageId()), Disposition.NEW));
            } else {
                results.add(new Recorded(message, written.get(message.messageId()), Disposition.DUPLICATE));
            }
        }
        return results;
    }

    private Map<String, RegisterEntry> append(List<NewEntry> fresh) {
        Map<String, RegisterEntry> written = new HashMap<>();
        if (fresh.isEmpty()) {
            return written;
        }
        Map<String, Chain> chains = store.chainHeads(fresh.stream().map(m -> m.source().chainId()).distinct().toList());
        Iterator<Long> sequences = store.allocateSequences(fresh.size()).iterator();
        List<RegisterEntry> entries = new ArrayList<>(fresh.size());
        for (NewEntry message : fresh) {
            RegisterEntry entry = chains.get(message.source().chainId()).append(sequences.next(), message);
            entries.add(entry);
            written.put(message.messageId(), entry);
        }
        store.insert(entries);
        return written;
    }

    /** For each accepted share request id, the agencies on either side of it (requester and recipient). */
    @Transactional(readOnly = true)
    public Map<String, List<String>> partiesOfRequests(List<String> requestIds) {
        return requestIds.isEmpty() ? Map.of() : store.partiesOfRequests(requestIds);
    }

    /**
     * The highest sequence below which no entry can still appear: every entry with a sequence at or below it is
     * committed or never will be. Sequences are allocated before commit and batches commit concurrently, so a later
     * sequence can be visible before an earlier one; readers that need a gap-free prefix (the Merkle tree) stop here.
     * Briefly waits for the batches in flight to commit; new batches wait for this read.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long committedWatermark() {
        return store.committedWatermark();
    }

    /**
     * The committed watermark if no batch has sequences in flight at this instant, else empty: it never waits, so it
     * never holds a batch back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public OptionalLong committedWatermarkIfIdle() {
        return store.committedWatermarkIfIdle();
    }

    /** Streams the entries with sequence in (after, upTo], in sequence order, one row in memory at a time. */
    @Transactional(readOnly = true)
    public void forEachInSequenceOrder(long after, long upTo, Consumer<RegisterEntry> action) {
        store.forEachInSequenceOrder(after, upTo, true, action);
    }

    /**
     * As {@link #forEachInSequenceOrder}, but without the message bytes (payload null): the entry hash covers them only
     * through their recorded SHA-256, so whoever only rehashes entries (the checkpoint signer) need not read them.
     */
    @Transactional(readOnly = true)
    public void forEachHashableInSequenceOrder(long after, long upTo, Consumer<RegisterEntry> action) {
        store.forEachInSequenceOrder(after, upTo, false, action);
    }

}
