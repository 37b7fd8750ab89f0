package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProofGeneratorTest {

    private static final int MAX_SIZE = 64;

    @Test
    void everyInclusionProofVerifiesForEverySizeUpTo64AndEveryIndex() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(MAX_SIZE);
        InMemoryMerkleTree tree = ReferenceLog.inMemory(leaves);
        for (long size = 1; size <= MAX_SIZE; size++) {
            byte[] root = MerkleTreeHash.root(leaves, size);
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = ProofGenerator.inclusion(leaves, index, size);
                assertThat(ProofGenerator.inclusion(tree, index, size))
                        .as("stored nodes, index %d of %d", index, size).containsExactlyElementsOf(proof);
                long i = index;
                long n = size;
                assertThatCode(() -> ProofVerifier.verifyInclusion(i, n, leaves.leafHash(i), proof, root))
                        .as("index %d of %d", index, size).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void everyInclusionProofFailsForAnotherLeafOrIndex() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(MAX_SIZE);
        for (long size = 2; size <= MAX_SIZE; size++) {
            byte[] root = MerkleTreeHash.root(leaves, size);
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = ProofGenerator.inclusion(leaves, index, size);
                long i = index;
                long n = size;
                long other = (index + 1) % size;
                assertThatThrownBy(() -> ProofVerifier.verifyInclusion(i, n, leaves.leafHash(other), proof, root))
                        .isInstanceOf(InvalidProofException.class);
                assertThatThrownBy(() -> ProofVerifier.verifyInclusion(other, n, leaves.leafHash(i), proof, root))
                        .isInstanceOf(InvalidProofException.class);
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesForEveryPairOfSizesUpTo64() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(MAX_SIZE);
        InMemoryMerkleTree tree = ReferenceLog.inMemory(leaves);
        for (long size2 = 1; size2 <= MAX_SIZE; size2++) {
            byte[] root2 = MerkleTreeHash.root(leaves, size2);
            for (long size1 = 1; size1 <= size2; size1++) {
                byte[] root1 = MerkleTreeHash.root(leaves, size1);
                List<byte[]> proof = ProofGenerator.consistency(leaves, size1, size2);
                assertThat(ProofGenerator.consistency(tree, size1, size2))
                        .as("stored nodes, %d to %d", size1, size2).containsExactlyElementsOf(proof);
                long m = size1;
                long n = size2;
                assertThatCode(() -> ProofVerifier.verifyConsistency(m, n, proof, root1, root2))
                        .as("%d to %d", size1, size2).doesNotThrowAnyException();
                if (size1 < size2) {
                    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(m, n, proof, root2, root1))
                            .isInstanceOf(InvalidProofException.class);
                }
            }
        }
    }

    @Test
    void reproducesTheKnownAnswerInclusionProofs() {
        LeafHashes leaves = ReferenceLog.referenceLeafHashes();
        // leafIdx, treeSize and proof of inclusion/{1,2,3,4}/happy-path.json.
        assertThat(base64(ProofGenerator.inclusion(leaves, 0, 8))).containsExactly(
                "lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
                "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
                "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ=");
        assertThat(ProofGenerator.inclusion(leaves, 0, 1)).isEmpty();
        assertThat(base64(ProofGenerator.inclusion(leaves, 5, 8))).containsExactlyElementsOf(
                VectorFile.proof("inclusion/2/happy-path.json"));
        assertThat(base64(ProofGenerator.inclusion(leaves, 2, 3))).containsExactlyElementsOf(
                VectorFile.proof("inclusion/3/happy-path.json"));
        assertThat(base64(ProofGenerator.inclusion(leaves, 1, 5))).containsExactlyElementsOf(
                VectorFile.proof("inclusion/4/happy-path.json"));
    }

    @Test
    void reproducesTheKnownAnswerConsistencyProofs() {
        LeafHashes leaves = ReferenceLog.referenceLeafHashes();
        assertThat(ProofGenerator.consistency(leaves, 1, 1)).isEmpty();
        assertThat(base64(ProofGenerator.consistency(leaves, 1, 8))).containsExactlyElementsOf(
                VectorFile.proof("consistency/1/happy-path.json"));
        assertThat(base64(ProofGenerator.consistency(leaves, 6, 8))).containsExactlyElementsOf(
                VectorFile.proof("consistency/2/happy-path.json"));
        assertThat(base64(ProofGenerator.consistency(leaves, 2, 5))).containsExactlyElementsOf(
                VectorFile.proof("consistency/3/happy-path.json"));
        assertThat(base64(ProofGenerator.consistency(leaves, 6, 7))).containsExactlyElementsOf(
                VectorFile.proof("consistency/4/happy-path.json"));
    }

    @Test
    void refusesQuestionsWithoutAnAnswer() {
        LeafHashes leaves = ReferenceLog.referenceLeafHashes();
        assertThatThrownBy(() -> ProofGenerator.inclusion(leaves, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.inclusion(leaves, -1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.inclusion(leaves, 0, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.consistency(leaves, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.consistency(leaves, 5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofGenerator.consistency(leaves, 1, 9)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> base64(List<byte[]> proof) {
        return proof.stream().map(Base64.getEncoder()::encodeToString).toList();
    }
}
