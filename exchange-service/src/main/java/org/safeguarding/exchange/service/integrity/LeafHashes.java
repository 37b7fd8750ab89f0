package org.safeguarding.exchange.service.integrity;

/**
 * A source of the leaf hashes of a log, read by index, from which roots and proofs are built.
 * Stores that keep inner nodes override {@link #perfectSubtreeHash} so that proofs cost
 * O(log n) reads instead of rehashing whole subtrees.
 */
public interface LeafHashes {

    /** The number of leaves available; indexes run from 0 to size() - 1. */
    long size();

    /** The hash of leaf {@code index} (already RFC 6962 leaf-hashed, 32 bytes). */
    byte[] leafHash(long index);

    /**
     * The root of the perfect subtree of 2^level leaves that starts at leaf {@code index << level}.
     * The default rehashes those leaves, O(2^level).
     */
    default byte[] perfectSubtreeHash(int level, long index) {
        if (level == 0) {
            return leafHash(index);
        }
        return MerkleHasher.hashChildren(
                perfectSubtreeHash(level - 1, index << 1),
                perfectSubtreeHash(level - 1, (index << 1) | 1));
    }
}
