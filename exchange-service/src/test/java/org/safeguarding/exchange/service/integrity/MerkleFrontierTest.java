package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    @Test
    void rootEqualsTheRecursiveRootForEverySizeUpTo300() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(300);
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.root()).isEqualTo(MerkleHasher.emptyRoot());
        for (int size = 1; size <= 300; size++) {
            frontier.append(leaves.leafHash(size - 1));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("size %d", size).isEqualTo(MerkleTreeHash.root(leaves, size));
        }
    }

    @Test
    void rootsOfTheReferenceLogMatchThePublishedRoots() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int i = 0; i < 8; i++) {
            frontier.append(MerkleHasher.hashLeaf(ReferenceLog.LEAVES.get(i)));
            assertThat(frontier.root()).isEqualTo(ReferenceLog.ROOTS.get(i));
        }
    }

    @Test
    void holdsOneHashPerSetBitOfTheSize() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(300);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 1; size <= 300; size++) {
            frontier.append(leaves.leafHash(size - 1));
            assertThat(frontier.subtreeRoots()).hasSize(Integer.bitCount(size));
        }
    }

    @Test
    void aRestoredFrontierCarriesOnAsIfNeverStopped() {
        ReferenceLog.ListLeafHashes leaves = ReferenceLog.numberedLeafHashes(300);
        for (int stopAt = 0; stopAt <= 100; stopAt++) {
            MerkleFrontier before = new MerkleFrontier();
            for (int i = 0; i < stopAt; i++) {
                before.append(leaves.leafHash(i));
            }
            MerkleFrontier resumed = MerkleFrontier.restore(before.size(), before.subtreeRoots());
            assertThat(resumed.root()).isEqualTo(before.root());
            for (int i = stopAt; i < 300; i++) {
                resumed.append(leaves.leafHash(i));
            }
            assertThat(resumed.root()).as("stopped at %d", stopAt).isEqualTo(MerkleTreeHash.root(leaves, 300));
        }
    }

    @Test
    void restoreRefusesStateThatCannotBelongToTheSize() {
        byte[] hash = MerkleHasher.hashLeaf(new byte[0]);
        assertThatThrownBy(() -> MerkleFrontier.restore(3, List.of(hash)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(1, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(-1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendRefusesSomethingThatIsNotALeafHash() {
        assertThatThrownBy(() -> new MerkleFrontier().append(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void savedStateIsACopy() {
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.append(MerkleHasher.hashLeaf(new byte[0]));
        byte[] root = frontier.root();
        frontier.subtreeRoots().get(0)[0] ^= 1;
        frontier.root()[0] ^= 1;
        assertThat(frontier.root()).isEqualTo(root);
    }
}
