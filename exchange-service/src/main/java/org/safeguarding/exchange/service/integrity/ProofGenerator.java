package org.safeguarding.exchange.service.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 6962 audit paths (inclusion proofs) and consistency proofs from a leaf-hash source.
 * Proofs list hashes from the bottom of the tree upwards, as RFC 6962 section 2.1 and RFC 9162
 * section 2.1.3 and 2.1.4 define them. A proof needs O(log n) subtree hashes, each O(log n)
 * reads from a source that stores inner nodes ({@link InMemoryMerkleTree}); a source of bare leaf
 * hashes rehashes the subtrees, O(n) per proof.
 */
public final class ProofGenerator {

    private ProofGenerator() {
    }

    /**
     * The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < size <= leaves.size()}
     */
    public static List<byte[]> inclusion(LeafHashes leaves, long index, long size) {
        if (index < 0 || index >= size || size > leaves.size()) {
            throw new IllegalArgumentException(
                    "no leaf " + index + " in a tree of size " + size + " (log holds " + leaves.size() + ")");
        }
        List<byte[]> proof = new ArrayList<>();
        addPath(leaves, index, 0, size, proof);
        return proof;
    }

    /**
     * The proof that the tree of the first {@code size2} leaves extends the tree of the first
     * {@code size1}. Every tree extends the empty tree, so there is nothing to prove from size 0.
     *
     * @throws IllegalArgumentException unless {@code 0 < size1 <= size2 <= leaves.size()}
     */
    public static List<byte[]> consistency(LeafHashes leaves, long size1, long size2) {
        if (size1 <= 0 || size1 > size2 || size2 > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2
                    + " (log holds " + leaves.size() + ")");
        }
        List<byte[]> proof = new ArrayList<>();
        addSubproof(leaves, size1, 0, size2, true, proof);
        return proof;
    }

    // RFC 6962 PATH(m, D[from:to]) with m absolute.
    private static void addPath(LeafHashes leaves, long index, long from, long to, List<byte[]> proof) {
        if (to - from == 1) {
            return;
        }
        long split = from + MerkleTreeHash.largestPowerOfTwoBelow(to - from);
        if (index < split) {
            addPath(leaves, index, from, split, proof);
            proof.add(MerkleTreeHash.ofRange(leaves, split, to));
        } else {
            addPath(leaves, index, split, to, proof);
            proof.add(MerkleTreeHash.ofRange(leaves, from, split));
        }
    }

    // RFC 6962 SUBPROOF(m, D[from:to], b) with m = oldSize - from leaves of this subtree in the old tree.
    private static void addSubproof(LeafHashes leaves, long oldSize, long from, long to, boolean oldRootKnown,
            List<byte[]> proof) {
        if (oldSize == to) {
            if (!oldRootKnown) {
                proof.add(MerkleTreeHash.ofRange(leaves, from, to));
            }
            return;
        }
        long split = from + MerkleTreeHash.largestPowerOfTwoBelow(to - from);
        if (oldSize <= split) {
            addSubproof(leaves, oldSize, from, split, oldRootKnown, proof);
            proof.add(MerkleTreeHash.ofRange(leaves, split, to));
        } else {
            addSubproof(leaves, oldSize, split, to, false, proof);
            proof.add(MerkleTreeHash.ofRange(leaves, from, split));
        }
    }
}
