package org.safeguarding.exchange.service.checkpoints.internal;

import java.util.ArrayList;
import java.util.List;
import org.safeguarding.exchange.service.integrity.MerkleFrontier;
import org.safeguarding.exchange.service.integrity.MerkleHasher;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;

/** A signed checkpoint as kept: with the tree's frontier at that size, from which the signer resumes. */
public record StoredCheckpoint(SignedCheckpoint signed, byte[] frontier) {

    public long treeSize() {
        return signed.checkpoint().treeSize();
    }

    public MerkleFrontier restoreFrontier() {
        List<byte[]> roots = new ArrayList<>();
        for (int at = 0; at < frontier.length; at += MerkleHasher.HASH_SIZE) {
            roots.add(java.util.Arrays.copyOfRange(frontier, at, at + MerkleHasher.HASH_SIZE));
        }
        return MerkleFrontier.restore(treeSize(), roots);
    }

    public static byte[] frontierBytes(MerkleFrontier frontier) {
        List<byte[]> roots = frontier.subtreeRoots();
        byte[] bytes = new byte[roots.size() * MerkleHasher.HASH_SIZE];
        for (int i = 0; i < roots.size(); i++) {
            System.arraycopy(roots.get(i), 0, bytes, i * MerkleHasher.HASH_SIZE, MerkleHasher.HASH_SIZE);
        }
        return bytes;
    }
}
