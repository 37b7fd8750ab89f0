package org.safeguarding.exchange.service.checkpoints.internal;

import org.safeguarding.exchange.service.integrity.MerkleHasher;
import org.safeguarding.exchange.service.register.RecomputedEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;

/**
 * Everything about one entry that a verification recomputes without looking at any other entry: its hash, whether
 * its message bytes match, and its Merkle leaf hash. The expensive part of verifying, so it is computed apart from
 * the ordered checks and may be computed on many threads.
 */
public record HashedEntry(RecomputedEntry recomputed, byte[] leafHash) {

    public static HashedEntry of(RegisterEntry entry) {
        RecomputedEntry recomputed = RecomputedEntry.of(entry);
        return new HashedEntry(recomputed, MerkleHasher.hashLeaf(recomputed.canonicalEncoding()));
    }

    public RegisterEntry entry() {
        return recomputed.entry();
    }
}
