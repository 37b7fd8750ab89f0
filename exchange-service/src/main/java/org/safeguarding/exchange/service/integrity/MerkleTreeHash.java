package org.safeguarding.exchange.service.integrity;

/**
 * The RFC 6962 Merkle Tree Hash (MTH) of a run of leaves: split at the largest power of two
 * smaller than the number of leaves, hash each side, hash the pair.
 */
public final class MerkleTreeHash {

    private MerkleTreeHash() {
    }

    /** The root of the tree over the first {@code size} leaves of {@code leaves}. */
    public static byte[] root(LeafHashes leaves, long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("tree size " + size + " outside 0.." + leaves.size());
        }
        return size == 0 ? MerkleHasher.emptyRoot() : ofRange(leaves, 0, size);
    }

    /** The MTH of leaves {@code from} (inclusive) to {@code to} (exclusive), {@code from < to}. */
    public static byte[] ofRange(LeafHashes leaves, long from, long to) {
        long count = to - from;
        if (from < 0 || count <= 0) {
            throw new IllegalArgumentException("empty or negative range " + from + ".." + to);
        }
        if (Long.bitCount(count) == 1 && from % count == 0) {
            // An aligned perfect subtree: the store may hold its hash directly.
            int level = Long.numberOfTrailingZeros(count);
            return leaves.perfectSubtreeHash(level, from >>> level);
        }
        long split = largestPowerOfTwoBelow(count);
        return MerkleHasher.hashChildren(ofRange(leaves, from, from + split), ofRange(leaves, from + split, to));
    }

    /** The largest power of two strictly smaller than {@code n}, for {@code n >= 2}. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}
