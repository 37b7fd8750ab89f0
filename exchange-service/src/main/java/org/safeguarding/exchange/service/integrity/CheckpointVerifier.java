package org.safeguarding.exchange.service.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

/** Checks signed checkpoints against one trusted Ed25519 public key. */
public final class CheckpointVerifier {

    private final PublicKey publicKey;
    private final String keyId;

    /**
     * A verifier that trusts only {@code publicKey}.
     *
     * @throws IllegalArgumentException if the key is not Ed25519
     */
    public CheckpointVerifier(PublicKey publicKey) {
        this.publicKey = CheckpointKeys.requireEd25519(publicKey);
        this.keyId = CheckpointKeys.keyId(publicKey);
    }

    /** The id of the trusted key. */
    public String keyId() {
        return keyId;
    }

    /** Returns the checkpoint if it was signed by the trusted key; otherwise says why not. */
    public Checkpoint verify(SignedCheckpoint signed) throws InvalidCheckpointException {
        if (signed == null) {
            throw new InvalidCheckpointException("signed checkpoint is missing");
        }
        if (!keyId.equals(signed.keyId())) {
            throw new InvalidCheckpointException("signed by key " + signed.keyId() + ", not the trusted " + keyId);
        }
        boolean valid;
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(signed.checkpoint().body().getBytes(StandardCharsets.UTF_8));
            valid = ed25519.verify(signed.signature());
        } catch (GeneralSecurityException e) {
            // A malformed signature is as false as a wrong one.
            valid = false;
        }
        if (!valid) {
            throw new InvalidCheckpointException("signature does not match the checkpoint");
        }
        return signed.checkpoint();
    }

    /** Parses a signed note and returns its checkpoint if the trusted key signed it. */
    public Checkpoint verifyNote(String note) throws InvalidCheckpointException {
        return verify(SignedCheckpoint.parseNote(note));
    }
}
