package org.safeguarding.exchange.service.integrity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A checkpoint with the Ed25519 signature over its body and the id of the signing key, written
 * as a signed note in the C2SP style: the body, a blank line, then
 * {@code "— <key id> <base64 signature>"}. Unlike C2SP notes, the key is named by the hex SHA-256
 * of its X.509 encoding rather than a name and 4-byte key hash.
 */
public record SignedCheckpoint(Checkpoint checkpoint, String keyId, byte[] signature) {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");

    /** Checks the parts and keeps a private copy of the signature. */
    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("key id must be 64 lower-case hex digits");
        }
        if (signature == null || signature.length == 0) {
            throw new IllegalArgumentException("signature is missing");
        }
        signature = signature.clone();
    }

    /** A copy of the signature bytes. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signed note text: body, blank line, signature line. */
    public String toNote() {
        return checkpoint.body() + "\n" + SIGNATURE_PREFIX + keyId + " "
                + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    /** Reads a note written by {@link #toNote()}; does not check the signature. */
    public static SignedCheckpoint parseNote(String note) throws InvalidCheckpointException {
        if (note == null) {
            throw new InvalidCheckpointException("note is missing");
        }
        int split = note.indexOf("\n\n");
        if (split < 0) {
            throw new InvalidCheckpointException("note has no blank line before its signature");
        }
        Checkpoint checkpoint = Checkpoint.parseBody(note.substring(0, split + 1));
        String signatureLine = note.substring(split + 2);
        if (!signatureLine.startsWith(SIGNATURE_PREFIX) || !signatureLine.endsWith("\n")
                || signatureLine.indexOf('\n') != signatureLine.length() - 1) {
            throw new InvalidCheckpointException("note must end with exactly one signature line");
        }
        String[] parts = signatureLine.substring(SIGNATURE_PREFIX.length(), signatureLine.length() - 1).split(" ", -1);
        if (parts.length != 2) {
            throw new InvalidCheckpointException("signature line must hold a key id and a signature");
        }
        try {
            SignedCheckpoint parsed = new SignedCheckpoint(checkpoint, parts[0], Base64.getDecoder().decode(parts[1]));
            if (!parsed.toNote().equals(note)) {
                throw new InvalidCheckpointException("note is not in canonical form");
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new InvalidCheckpointException("malformed signature line: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint that
                && checkpoint.equals(that.checkpoint)
                && keyId.equals(that.keyId)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", key " + keyId + "]";
    }
}
