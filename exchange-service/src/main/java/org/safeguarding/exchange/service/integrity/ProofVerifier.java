package org.safeguarding.exchange.service.integrity;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks inclusion and consistency proofs with nothing but the proof, the sizes and the roots,
 * following RFC 9162 sections 2.1.3.2 and 2.1.4.2. Every malformed or false proof ends in an
 * {@link InvalidProofException}; no other exception escapes.
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * Succeeds only if {@code proof} shows that {@code leafHash} is leaf {@code index} of the tree of
     * size {@code size} whose root is {@code root}.
     */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        if (index < 0 || index >= size) {
            throw new InvalidProofException("leaf index " + index + " is outside a tree of size " + size);
        }
        requireHash(leafHash, "leaf hash");
        requireHash(root, "root");
        requireHashes(proof);

        long fn = index;
        long sn = size - 1;
        byte[] computed = leafHash;
        for (byte[] sibling : proof) {
            if (sn == 0) {
                throw new InvalidProofException("proof is longer than a tree of size " + size + " allows");
            }
            if ((fn & 1) == 1 || fn == sn) {
                computed = MerkleHasher.hashChildren(sibling, computed);
                // Climb past the levels where this node has no right sibling (the right border).
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                computed = MerkleHasher.hashChildren(computed, sibling);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("proof is shorter than a tree of size " + size + " needs");
        }
        requireEqual(computed, root, "the proof leads to a different root");
    }

    /**
     * Succeeds only if {@code proof} shows that the tree of size {@code size2} with root {@code root2}
     * extends the tree of size {@code size1} with root {@code root1}. As in RFC 9162, size1 must be
     * positive: every tree extends the empty tree, so there is no proof to check from size 0.
     * For equal sizes the proof must be empty and the two roots identical.
     */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
            throws InvalidProofException {
        if (size1 <= 0) {
            throw new InvalidProofException("consistency proofs start from a non-empty tree, not size " + size1);
        }
        if (size2 < size1) {
            throw new InvalidProofException("size2 " + size2 + " is smaller than size1 " + size1);
        }
        if (proof == null) {
            throw new InvalidProofException("proof is missing");
        }
        if (root1 == null || root2 == null) {
            throw new InvalidProofException("root is missing");
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("trees of equal size need an empty proof");
            }
            requireEqual(root1, root2, "trees of equal size have different roots");
            return;
        }
        if (proof.isEmpty()) {
            throw new InvalidProofException("proof is empty");
        }
        requireHash(root1, "root1");
        requireHash(root2, "root2");
        requireHashes(proof);

        List<byte[]> path = proof;
        if (Long.bitCount(size1) == 1) {
            // The old tree is a perfect left subtree of the new one, so its root is the path's start.
            path = new ArrayList<>(proof.size() + 1);
            path.add(root1);
            path.addAll(proof);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] oldRoot = path.get(0);
        byte[] newRoot = path.get(0);
        for (byte[] node : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new InvalidProofException("proof is longer than sizes " + size1 + " and " + size2 + " allow");
            }
            if ((fn & 1) == 1 || fn == sn) {
                oldRoot = MerkleHasher.hashChildren(node, oldRoot);
                newRoot = MerkleHasher.hashChildren(node, newRoot);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                newRoot = MerkleHasher.hashChildren(newRoot, node);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("proof is shorter than sizes " + size1 + " and " + size2 + " need");
        }
        requireEqual(oldRoot, root1, "the proof does not lead to root1");
        requireEqual(newRoot, root2, "the proof does not lead to root2");
    }

    private static void requireHash(byte[] hash, String what) throws InvalidProofException {
        if (hash == null || hash.length != MerkleHasher.HASH_SIZE) {
            throw new InvalidProofException(what + " is not a " + MerkleHasher.HASH_SIZE + "-byte hash");
        }
    }

    private static void requireHashes(List<byte[]> proof) throws InvalidProofException {
        if (proof == null) {
            throw new InvalidProofException("proof is missing");
        }
        for (int i = 0; i < proof.size(); i++) {
            requireHash(proof.get(i), "proof element " + i);
        }
    }

    private static void requireEqual(byte[] computed, byte[] expected, String failure) throws InvalidProofException {
        if (!MessageDigest.isEqual(computed, expected)) {
            throw new InvalidProofException(failure);
        }
    }
}
