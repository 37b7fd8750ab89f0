package org.safeguarding.exchange.service.checkpoints.internal;

import java.util.List;
import java.util.Optional;
import org.safeguarding.exchange.service.integrity.InMemoryMerkleTree;
import org.safeguarding.exchange.service.integrity.MerkleTreeHash;
import org.safeguarding.exchange.service.integrity.ProofGenerator;
import org.springframework.stereotype.Component;

/**
 * The register's Merkle tree in memory, every inner node kept (about 64 bytes a leaf), so that any proof costs
 * O(log² n) look-ups and no read of the register. Loaded from the leaf table on first use and brought up to date
 * with the leaves appended since, one indexed query, before each proof.
 */
@Component
public class ProofTree {

    private static final int LEAVES_PER_READ = 100_000;

    private final CheckpointStore store;
    private final InMemoryMerkleTree tree = new InMemoryMerkleTree();

    public ProofTree(CheckpointStore store) {
        this.store = store;
    }

    public record Inclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> auditPath, byte[] rootHash) {
    }

    public record Consistency(long from, long to, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {
    }

    /** The inclusion proof of the entry with this sequence in the tree of {@code treeSize} leaves; empty if not in it. */
    public synchronized Optional<Inclusion> inclusion(long sequence, long treeSize) {
        requireSize(treeSize);
        return store.leafIndexOf(sequence).filter(index -> index < treeSize).map(index -> new Inclusion(index, treeSize,
                tree.leafHash(index), ProofGenerator.inclusion(tree, index, treeSize), MerkleTreeHash.root(tree, treeSize)));
    }

    public synchronized Consistency consistency(long from, long to) {
        requireSize(to);
        if (from < 1 || from > to) {
            throw new IllegalArgumentException("from must be between 1 and to (" + to + "), not " + from);
        }
        return new Consistency(from, to, ProofGenerator.consistency(tree, from, to), MerkleTreeHash.root(tree, from),
                MerkleTreeHash.root(tree, to));
    }

    private void requireSize(long treeSize) {
        if (treeSize < 1) {
            throw new IllegalArgumentException("tree size must be at least 1, not " + treeSize);
        }
        if (treeSize > tree.size()) {
            long leaves = store.leafCount().leaves();
            for (long from = tree.size(); from < leaves; from = tree.size()) {
                store.leafHashes(from, Math.min(leaves, from + LEAVES_PER_READ)).forEach(tree::append);
            }
        }
        if (treeSize > tree.size()) {
            throw new IllegalArgumentException("the tree has " + tree.size() + " leaves, fewer than " + treeSize);
        }
    }
}
