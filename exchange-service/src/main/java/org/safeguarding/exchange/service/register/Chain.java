package org.safeguarding.exchange.service.register;

import java.util.Arrays;

/**
 * The head of one hash chain: where the next entry goes and what it links to. Pure: the store loads heads and the
 * register appends through them, so that the linking rule lives in one place.
 */
public final class Chain {

    private final String chainId;
    private long nextPosition;
    private byte[] headHash;

    public Chain(String chainId, long nextPosition, byte[] headHash) {
        this.chainId = chainId;
        this.nextPosition = nextPosition;
        this.headHash = headHash.clone();
    }

    public static Chain empty(String chainId) {
        return new Chain(chainId, 0, EntryEncoding.GENESIS_HASH);
    }

    public String chainId() {
        return chainId;
    }

    /** Links a message that names no schema the registry knows after the head, and moves the head to it. */
    public RegisterEntry append(long sequence, NewEntry message) {
        return append(sequence, message, null);
    }

    /**
     * Links the message after the head, in the current encoding version, and moves the head to it.
     *
     * @param schemaSha256 SHA-256 of the text of the schema the message names, or null when the registry knows none
     */
    public RegisterEntry append(long sequence, NewEntry message, byte[] schemaSha256) {
        int version = EntryEncoding.CURRENT_VERSION;
        byte[] encoding = EntryEncoding.encode(version, sequence, chainId, nextPosition, headHash, message, schemaSha256);
        byte[] hash = EntryEncoding.entryHash(encoding);
        RegisterEntry entry = new RegisterEntry(sequence, chainId, nextPosition, headHash, hash, message, version, schemaSha256);
        nextPosition++;
        headHash = hash;
        return entry;
    }

    /**
     * Checks one stored entry against the head and moves past it; returns the reason it does not verify, or null.
     * Recomputes the hash from the entry's fields, so a changed field, a removed entry or a reordering shows.
     */
    public String verifyNext(RegisterEntry stored) {
        return verifyNext(RecomputedEntry.of(stored));
    }

    /** As {@link #verifyNext(RegisterEntry)}, with the entry's hash already recomputed from its stored fields. */
    public String verifyNext(RecomputedEntry recomputed) {
        RegisterEntry stored = recomputed.entry();
        if (stored.chainPosition() != nextPosition) {
            return "chain " + chainId + " expected position " + nextPosition + " but found " + stored.chainPosition();
        }
        if (!Arrays.equals(stored.previousHash(), headHash)) {
            return "chain " + chainId + " position " + nextPosition + " does not link to the entry before it";
        }
        if (!recomputed.payloadMatches()) {
            return "entry " + stored.sequence() + ": the stored message bytes do not match their recorded hash";
        }
        // The encoding covers the stored position and previous hash, which were just found equal to the head's.
        if (!Arrays.equals(recomputed.hash(), stored.entryHash())) {
            return "entry " + stored.sequence() + ": its contents do not match its hash";
        }
        nextPosition++;
        headHash = recomputed.hash();
        return null;
    }
}
