package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Malformed and tampered proofs end in {@link InvalidProofException} and nothing else. */
class ProofVerifierTest {

    private static final int SIZE = 21;
    private final ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(SIZE);
    private final byte[] root = MerkleTreeHash.root(leaves, SIZE);

    @Test
    void everyFlippedBitOfAnInclusionProofIsRejected() {
        for (long index = 0; index < SIZE; index++) {
            List<byte[]> proof = ProofGenerator.inclusion(leaves, index, SIZE);
            long i = index;
            for (List<byte[]> tampered : withEachBitFlipped(proof)) {
                assertThatThrownBy(() -> ProofVerifier.verifyInclusion(i, SIZE, leaves.leafHash(i), tampered, root))
                        .isInstanceOf(InvalidProofException.class);
            }
        }
    }

    @Test
    void everyFlippedBitOfAConsistencyProofIsRejected() {
        for (long size1 = 1; size1 < SIZE; size1++) {
            List<byte[]> proof = ProofGenerator.consistency(leaves, size1, SIZE);
            byte[] root1 = MerkleTreeHash.root(leaves, size1);
            long m = size1;
            for (List<byte[]> tampered : withEachBitFlipped(proof)) {
                assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, SIZE, tampered, root1, root))
                        .isInstanceOf(InvalidProofException.class);
            }
        }
    }

    @Test
    void longerOrShorterInclusionProofsAreRejected() {
        List<byte[]> proof = ProofGenerator.inclusion(leaves, 6, SIZE);
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(proof.get(0));
        List<byte[]> shorter = proof.subList(0, proof.size() - 1);

        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(6, SIZE, leaves.leafHash(6), longer, root))
                .isInstanceOf(InvalidProofException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(6, SIZE, leaves.leafHash(6), shorter, root))
                .isInstanceOf(InvalidProofException.class);
    }

    @Test
    void missingOrOddlySizedPartsAreRejectedWithoutOtherExceptions() {
        List<byte[]> proof = ProofGenerator.inclusion(leaves, 6, SIZE);
        byte[] leaf = leaves.leafHash(6);
        List<byte[]> withNull = new ArrayList<>(proof);
        withNull.set(1, null);
        List<byte[]> withShortHash = new ArrayList<>(proof);
        withShortHash.set(1, Arrays.copyOf(proof.get(1), 31));

        assertThatCode(() -> ProofVerifier.verifyInclusion(6, SIZE, leaf, proof, root)).doesNotThrowAnyException();
        assertRejected(() -> ProofVerifier.verifyInclusion(6, SIZE, leaf, null, root));
        assertRejected(() -> ProofVerifier.verifyInclusion(6, SIZE, leaf, withNull, root));
        assertRejected(() -> ProofVerifier.verifyInclusion(6, SIZE, leaf, withShortHash, root));
        assertRejected(() -> ProofVerifier.verifyInclusion(6, SIZE, null, proof, root));
        assertRejected(() -> ProofVerifier.verifyInclusion(6, SIZE, leaf, proof, null));
        assertRejected(() -> ProofVerifier.verifyInclusion(6, Long.MAX_VALUE, leaf, proof, root));
        assertRejected(() -> ProofVerifier.verifyInclusion(Long.MIN_VALUE, SIZE, leaf, proof, root));

        List<byte[]> consistency = ProofGenerator.consistency(leaves, 6, SIZE);
        byte[] root6 = MerkleTreeHash.root(leaves, 6);
        assertThatCode(() -> ProofVerifier.verifyConsistency(6, SIZE, consistency, root6, root))
                .doesNotThrowAnyException();
        assertRejected(() -> ProofVerifier.verifyConsistency(6, SIZE, null, root6, root));
        assertRejected(() -> ProofVerifier.verifyConsistency(6, SIZE, consistency, null, root));
        assertRejected(() -> ProofVerifier.verifyConsistency(6, SIZE, consistency, root6, null));
        assertRejected(() -> ProofVerifier.verifyConsistency(6, 6, null, root6, root6));
        assertRejected(() -> ProofVerifier.verifyConsistency(6, Long.MAX_VALUE, consistency, root6, root));
        assertRejected(() -> ProofVerifier.verifyConsistency(0, SIZE, List.of(), MerkleHasher.emptyRoot(), root));
        List<byte[]> consistencyWithNull = new ArrayList<>(consistency);
        consistencyWithNull.set(0, null);
        assertRejected(() -> ProofVerifier.verifyConsistency(6, SIZE, consistencyWithNull, root6, root));
    }

    private static void assertRejected(ThrowingCheck check) {
        assertThatThrownBy(check::run).isInstanceOf(InvalidProofException.class);
    }

    private static List<List<byte[]>> withEachBitFlipped(List<byte[]> proof) {
        List<List<byte[]>> variants = new ArrayList<>();
        for (int element = 0; element < proof.size(); element++) {
            for (int bit = 0; bit < MerkleHasher.HASH_SIZE * 8; bit++) {
                List<byte[]> copy = new ArrayList<>(proof);
                byte[] flipped = proof.get(element).clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                copy.set(element, flipped);
                variants.add(copy);
            }
        }
        return variants;
    }

    @FunctionalInterface
    private interface ThrowingCheck {
        void run() throws InvalidProofException;
    }
}
