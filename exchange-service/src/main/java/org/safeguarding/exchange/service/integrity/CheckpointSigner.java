package org.safeguarding.exchange.service.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;

/** Signs checkpoint bodies with an Ed25519 key pair. */
public final class CheckpointSigner {

    private static final Checkpoint PROBE =
            new Checkpoint("key pair check", 0, MerkleHasher.emptyRoot(), Instant.EPOCH);

    private final KeyPair keyPair;
    private final String keyId;

    /**
     * A signer for the given Ed25519 key pair (the public half names the key in every note).
     *
     * @throws IllegalArgumentException if the keys are not Ed25519 or not two halves of one pair
     */
    public CheckpointSigner(KeyPair keyPair) {
        CheckpointKeys.requireEd25519(keyPair.getPrivate());
        CheckpointKeys.requireEd25519(keyPair.getPublic());
        this.keyPair = keyPair;
        this.keyId = CheckpointKeys.keyId(keyPair.getPublic());
        // A mismatched pair would sign notes that nobody can verify: find out now, not from auditors.
        try {
            new CheckpointVerifier(keyPair.getPublic()).verify(sign(PROBE));
        } catch (InvalidCheckpointException e) {
            throw new IllegalArgumentException("private and public keys are not one pair", e);
        }
    }

    /** The id of the signing key, as it appears in signed notes. */
    public String keyId() {
        return keyId;
    }

    /** Signs the checkpoint's canonical body. */
    public SignedCheckpoint sign(Checkpoint checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keyPair.getPrivate());
            ed25519.update(checkpoint.body().getBytes(StandardCharsets.UTF_8));
            return new SignedCheckpoint(checkpoint, keyId, ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed with a checked key", e);
        }
    }
}
