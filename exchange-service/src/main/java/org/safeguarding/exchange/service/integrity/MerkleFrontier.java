package org.safeguarding.exchange.service.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing log: the roots of the perfect subtrees that make up its leaves,
 * one per set bit of the size, largest (leftmost) first. Appending is amortised O(1) hashes and
 * the root costs O(log n), so the service can sign a checkpoint after every batch without
 * reading the register back. The size and these few hashes are all it needs to resume.
 */
public final class MerkleFrontier {

    private final List<byte[]> subtreeRoots;
    private long size;

    /** An empty frontier (tree size 0). */
    public MerkleFrontier() {
        this(0, new ArrayList<>());
    }

    private MerkleFrontier(long size, List<byte[]> subtreeRoots) {
        this.size = size;
        this.subtreeRoots = subtreeRoots;
    }

    /**
     * Resumes a frontier saved with {@link #size()} and {@link #subtreeRoots()}.
     *
     * @throws IllegalArgumentException if the number or length of hashes cannot belong to that size
     */
    public static MerkleFrontier restore(long size, List<byte[]> subtreeRoots) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (subtreeRoots.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
                    + " subtree roots, not " + subtreeRoots.size());
        }
        List<byte[]> copies = new ArrayList<>(subtreeRoots.size());
        for (byte[] hash : subtreeRoots) {
            if (hash == null || hash.length != MerkleHasher.HASH_SIZE) {
                throw new IllegalArgumentException("subtree roots must be " + MerkleHasher.HASH_SIZE + " bytes");
            }
            copies.add(hash.clone());
        }
        return new MerkleFrontier(size, copies);
    }

    /** Adds the next leaf (its RFC 6962 leaf hash) at index {@link #size()}. */
    public void append(byte[] leafHash) {
        if (leafHash == null || leafHash.length != MerkleHasher.HASH_SIZE) {
            throw new IllegalArgumentException("leaf hashes must be " + MerkleHasher.HASH_SIZE + " bytes");
        }
        byte[] node = leafHash.clone();
        // Each trailing one bit of the old size is a perfect subtree of the new leaf's height: merge it.
        for (long carry = size; (carry & 1) == 1; carry >>>= 1) {
            node = MerkleHasher.hashChildren(subtreeRoots.remove(subtreeRoots.size() - 1), node);
        }
        subtreeRoots.add(node);
        size++;
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** The RFC 6962 root of the leaves appended so far. */
    public byte[] root() {
        if (subtreeRoots.isEmpty()) {
            return MerkleHasher.emptyRoot();
        }
        byte[] root = subtreeRoots.get(subtreeRoots.size() - 1);
        for (int i = subtreeRoots.size() - 2; i >= 0; i--) {
            root = MerkleHasher.hashChildren(subtreeRoots.get(i), root);
        }
        return root.clone();
    }

    /** Copies of the perfect subtree roots, largest first: with {@link #size()}, the saved state. */
    public List<byte[]> subtreeRoots() {
        List<byte[]> copies = new ArrayList<>(subtreeRoots.size());
        subtreeRoots.forEach(hash -> copies.add(hash.clone()));
        return copies;
    }
}
