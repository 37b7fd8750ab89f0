package org.safeguarding.exchange.service.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A log held wholly in memory with every complete inner node kept, so that subtree hashes, and
 * therefore proofs, cost O(log n) look-ups. Hashes sit in one flat byte array per level to keep
 * a million leaves to about 64 MB; one level holds at most about 67 million hashes.
 */
public final class InMemoryMerkleTree implements LeafHashes {

    private static final int H = MerkleHasher.HASH_SIZE;

    // levels.get(l) holds the complete nodes of height l, counts[l] of them.
    private final List<byte[]> levels = new ArrayList<>();
    private long[] counts = new long[0];

    /** Appends the next leaf (its RFC 6962 leaf hash) and completes any subtrees it closes. */
    public void append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != H) {
            throw new IllegalArgumentException("leaf hashes must be " + H + " bytes");
        }
        byte[] node = leafHash;
        int level = 0;
        while (true) {
            put(level, node);
            if ((counts[level] & 1) == 1) {
                return;
            }
            // The node just stored is a right child: its parent is now complete.
            long right = counts[level] - 1;
            node = MerkleHasher.hashChildren(get(level, right - 1), get(level, right));
            level++;
        }
    }

    @Override
    public long size() {
        return counts.length == 0 ? 0 : counts[0];
    }

    @Override
    public byte[] leafHash(long index) {
        return perfectSubtreeHash(0, index);
    }

    @Override
    public byte[] perfectSubtreeHash(int level, long index) {
        if (level < 0 || level >= counts.length || index < 0 || index >= counts[level]) {
            throw new IndexOutOfBoundsException("no complete subtree at level " + level + ", index " + index);
        }
        return get(level, index);
    }

    /** The RFC 6962 root of the whole tree. */
    public byte[] root() {
        return MerkleTreeHash.root(this, size());
    }

    private byte[] get(int level, long index) {
        int offset = Math.toIntExact(index * H);
        return Arrays.copyOfRange(levels.get(level), offset, offset + H);
    }

    private void put(int level, byte[] hash) {
        if (level == counts.length) {
            counts = Arrays.copyOf(counts, level + 1);
            levels.add(new byte[H * 16]);
        }
        byte[] store = levels.get(level);
        int offset = Math.toIntExact(counts[level] * H);
        if (offset + H > store.length) {
            store = Arrays.copyOf(store, Math.toIntExact(Math.min((long) store.length * 2, Integer.MAX_VALUE - 8)));
            levels.set(level, store);
        }
        System.arraycopy(hash, 0, store, offset, H);
        counts[level]++;
    }
}
