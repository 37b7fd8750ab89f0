package org.safeguarding.exchange.service.checkpoints;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointStore;
import org.safeguarding.exchange.service.checkpoints.internal.ProofTree;
import org.safeguarding.exchange.service.checkpoints.internal.StoredCheckpoint;
import org.safeguarding.exchange.service.integrity.Checkpoint;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.integrity.InvalidCheckpointException;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.register.SharingRegister;
import org.springframework.stereotype.Component;

/**
 * The latest signed checkpoint, whether its signature holds, and an entry's inclusion proof against it with the exact
 * bytes of its Merkle leaf: what a reader needs to recompute the root for itself (the console does it in the browser).
 */
@Component
public class RegisterProofs {

    private static final HexFormat HEX = HexFormat.of();

    /** The latest checkpoint; {@code signatureProblem} is null when the exchange's key signed it. */
    public record LatestCheckpoint(long treeSize, String rootHash, java.time.Instant issuedAt, String keyId, String signatureProblem,
            String note) {

        public boolean signatureHolds() {
            return signatureProblem == null;
        }
    }

    /**
     * An entry's inclusion proof, hashes in hex. {@code leafData} is the entry's canonical encoding, whose SHA-256 is
     * its entry hash and whose RFC 6962 leaf hash ({@code SHA-256(0x00 || leafData)}) is {@code leafHash}.
     */
    public record InclusionProof(long sequence, long leafIndex, long treeSize, byte[] leafData, String leafHash, List<String> auditPath,
            String rootHash, LatestCheckpoint checkpoint) {
    }

    private final CheckpointStore store;
    private final ProofTree tree;
    private final CheckpointVerifier verifier;
    private final SharingRegister register;

    RegisterProofs(CheckpointStore store, ProofTree tree, CheckpointVerifier verifier, SharingRegister register) {
        this.store = store;
        this.tree = tree;
        this.verifier = verifier;
        this.register = register;
    }

    public Optional<LatestCheckpoint> latest() {
        return store.latest().map(this::view);
    }

    /** The proof that the entry is in the latest checkpoint's tree; empty when it is not (yet) in it. */
    public Optional<InclusionProof> inclusion(long sequence) {
        Optional<StoredCheckpoint> latest = store.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LatestCheckpoint checkpoint = view(latest.get());
        return tree.inclusion(sequence, checkpoint.treeSize()).map(proof -> new InclusionProof(sequence, proof.leafIndex(),
                proof.treeSize(), leafData(sequence), HEX.formatHex(proof.leafHash()),
                proof.auditPath().stream().map(HEX::formatHex).toList(), HEX.formatHex(proof.rootHash()), checkpoint));
    }

    private byte[] leafData(long sequence) {
        byte[][] data = new byte[1][];
        register.forEachHashableInSequenceOrder(sequence - 1, sequence, (RegisterEntry entry) -> data[0] = entry.canonicalEncoding());
        return data[0];
    }

    private LatestCheckpoint view(StoredCheckpoint stored) {
        Checkpoint c = stored.signed().checkpoint();
        String problem = null;
        try {
            verifier.verify(stored.signed());
        } catch (InvalidCheckpointException e) {
            problem = e.getMessage();
        }
        return new LatestCheckpoint(c.treeSize(), HEX.formatHex(c.rootHash()), c.issuedAt(), stored.signed().keyId(), problem,
                stored.signed().toNote());
    }
}
