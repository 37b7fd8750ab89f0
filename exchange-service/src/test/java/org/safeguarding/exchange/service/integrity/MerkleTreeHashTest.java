package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MerkleTreeHashTest {

    @Test
    void rootsOfTheReferenceLogMatchThePublishedRoots() {
        LeafHashes leaves = ReferenceLog.referenceLeafHashes();
        for (int size = 1; size <= 8; size++) {
            assertThat(MerkleTreeHash.root(leaves, size)).as("size %d", size)
                    .isEqualTo(ReferenceLog.ROOTS.get(size - 1));
        }
    }

    @Test
    void rootOfNoLeavesIsTheEmptyRoot() {
        assertThat(MerkleTreeHash.root(ReferenceLog.referenceLeafHashes(), 0)).isEqualTo(MerkleHasher.emptyRoot());
    }

    @Test
    void storedInnerNodesGiveTheSameRootsAsRehashing() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(130);
        InMemoryMerkleTree tree = ReferenceLog.inMemory(leaves);
        for (int size = 0; size <= 130; size++) {
            assertThat(MerkleTreeHash.root(tree, size)).as("size %d", size)
                    .isEqualTo(MerkleTreeHash.root(leaves, size));
        }
        assertThat(tree.root()).isEqualTo(MerkleTreeHash.root(leaves, 130));
    }

    @Test
    void refusesSizesTheSourceDoesNotHold() {
        LeafHashes leaves = ReferenceLog.referenceLeafHashes();
        assertThatThrownBy(() -> MerkleTreeHash.root(leaves, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTreeHash.root(leaves, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
