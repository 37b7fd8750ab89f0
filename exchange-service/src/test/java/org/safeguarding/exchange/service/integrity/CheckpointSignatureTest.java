package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointSignatureTest {

    private static final KeyPair KEYS = CheckpointKeys.generate();
    private static final KeyPair OTHER_KEYS = CheckpointKeys.generate();

    private final CheckpointSigner signer = new CheckpointSigner(KEYS);
    private final CheckpointVerifier verifier = new CheckpointVerifier(KEYS.getPublic());
    private final Checkpoint checkpoint = new Checkpoint("register.example.org/sharing", 1000,
            MerkleHasher.hashLeaf(new byte[] {7}), Instant.parse("2026-11-21T21:43:18.250Z"));
    private final SignedCheckpoint signed = signer.sign(checkpoint);

    @Test
    void aSignedCheckpointVerifies() throws Exception {
        assertThat(verifier.verify(signed)).isEqualTo(checkpoint);
        assertThat(signed.keyId()).isEqualTo(CheckpointKeys.keyId(KEYS.getPublic())).isEqualTo(signer.keyId());
    }

    @Test
    void theNoteVerifiesAfterTravellingAsText() throws Exception {
        String note = signed.toNote();
        assertThat(note).startsWith(checkpoint.body() + "\n\u2014 " + signer.keyId() + " ");
        assertThat(note.lines()).hasSize(6);
        assertThat(verifier.verifyNote(note)).isEqualTo(checkpoint);
        assertThat(SignedCheckpoint.parseNote(note)).isEqualTo(signed);
    }

    @Test
    void aChangedSizeRootOrTimeFails() {
        Checkpoint otherSize = new Checkpoint(checkpoint.origin(), 1001, checkpoint.rootHash(), checkpoint.issuedAt());
        byte[] otherRootHash = checkpoint.rootHash();
        otherRootHash[31] ^= 1;
        Checkpoint otherRoot = new Checkpoint(checkpoint.origin(), 1000, otherRootHash, checkpoint.issuedAt());
        Checkpoint otherTime = new Checkpoint(checkpoint.origin(), 1000, checkpoint.rootHash(),
                checkpoint.issuedAt().plusMillis(1));
        Checkpoint otherOrigin = new Checkpoint("another.example.org", 1000, checkpoint.rootHash(), checkpoint.issuedAt());

        for (Checkpoint changed : new Checkpoint[] {otherSize, otherRoot, otherTime, otherOrigin}) {
            SignedCheckpoint forged = new SignedCheckpoint(changed, signed.keyId(), signed.signature());
            assertThatThrownBy(() -> verifier.verify(forged)).as("%s", changed)
                    .isInstanceOf(InvalidCheckpointException.class);
            assertThatThrownBy(() -> verifier.verifyNote(forged.toNote())).as("%s", changed)
                    .isInstanceOf(InvalidCheckpointException.class);
        }
    }

    @Test
    void aChangedSignatureFails() {
        byte[] signature = signed.signature();
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            SignedCheckpoint forged = new SignedCheckpoint(checkpoint, signed.keyId(), flipped);
            assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidCheckpointException.class);
        }
        SignedCheckpoint truncated = new SignedCheckpoint(checkpoint, signed.keyId(), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> verifier.verify(truncated)).isInstanceOf(InvalidCheckpointException.class);
    }

    @Test
    void anotherKeyFails() {
        SignedCheckpoint byOtherKey = new CheckpointSigner(OTHER_KEYS).sign(checkpoint);
        assertThatThrownBy(() -> verifier.verify(byOtherKey)).isInstanceOf(InvalidCheckpointException.class);

        // Even when the note claims the trusted key's id, the other key's signature does not hold.
        SignedCheckpoint claimingTrustedId = new SignedCheckpoint(checkpoint, signed.keyId(), byOtherKey.signature());
        assertThatThrownBy(() -> verifier.verify(claimingTrustedId)).isInstanceOf(InvalidCheckpointException.class);

        CheckpointVerifier otherVerifier = new CheckpointVerifier(OTHER_KEYS.getPublic());
        assertThatThrownBy(() -> otherVerifier.verify(signed)).isInstanceOf(InvalidCheckpointException.class);
    }

    @Test
    void malformedNotesFailWithTheTypedFailure() {
        String note = signed.toNote();
        for (String variant : new String[] {
                note.replace("\n\n", "\n"),
                note.replace("\u2014 ", "-- "),
                note + "\u2014 " + signer.keyId() + " AAAA\n",
                note.substring(0, note.length() - 1),
                note.replace(signer.keyId(), signer.keyId().toUpperCase()),
                note.replace(signer.keyId() + " ", signer.keyId() + "  "),
                note.substring(0, note.lastIndexOf(' ') + 1) + "!!!\n",
                "",
                null}) {
            assertThatThrownBy(() -> verifier.verifyNote(variant)).as("%s", variant)
                    .isInstanceOf(InvalidCheckpointException.class);
        }
    }

    @Test
    void keysOtherThanEd25519OrMismatchedPairsAreRefused() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        KeyPair mismatched = new KeyPair(KEYS.getPublic(), OTHER_KEYS.getPrivate());

        assertThatThrownBy(() -> new CheckpointSigner(ed448)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointVerifier(ed448.getPublic())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointSigner(mismatched)).isInstanceOf(IllegalArgumentException.class);
    }
}
