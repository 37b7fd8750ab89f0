package org.safeguarding.exchange.service.integrity;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A statement that the register named {@code origin} held {@code treeSize} entries with Merkle
 * root {@code rootHash} at {@code issuedAt}. Its {@link #body()} is the exact text that is signed,
 * in the C2SP tlog-checkpoint layout: origin, decimal size, base64 root, then the time as an
 * extension line. The time is kept to the millisecond, as the register records it.
 */
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant issuedAt) {

    private static final Pattern CANONICAL_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    /** Checks the parts and keeps private copies, the time cut to milliseconds. */
    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n") || !origin.strip().equals(origin)) {
            throw new IllegalArgumentException("origin must be one non-blank line without surrounding spaces");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("negative tree size " + treeSize);
        }
        if (rootHash == null || rootHash.length != MerkleHasher.HASH_SIZE) {
            throw new IllegalArgumentException("root hash must be " + MerkleHasher.HASH_SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.MILLIS);
    }

    /** A copy of the root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The canonical signed text: four lines, each ending in a newline. */
    public String body() {
        return origin + "\n"
                + treeSize + "\n"
                + Base64.getEncoder().encodeToString(rootHash) + "\n"
                + DateTimeFormatter.ISO_INSTANT.format(issuedAt) + "\n";
    }

    /**
     * Reads a body written by {@link #body()}, accepting only its canonical form, so that one
     * checkpoint has exactly one signed text.
     */
    public static Checkpoint parseBody(String body) throws InvalidCheckpointException {
        if (body == null || !body.endsWith("\n")) {
            throw new InvalidCheckpointException("checkpoint body must end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw new InvalidCheckpointException("checkpoint body must have 4 lines, not " + lines.length);
        }
        if (!CANONICAL_SIZE.matcher(lines[1]).matches()) {
            throw new InvalidCheckpointException("tree size is not a canonical decimal: " + lines[1]);
        }
        try {
            Checkpoint parsed = new Checkpoint(lines[0], Long.parseLong(lines[1]),
                    Base64.getDecoder().decode(lines[2]), Instant.parse(lines[3]));
            if (!parsed.body().equals(body)) {
                throw new InvalidCheckpointException("checkpoint body is not in canonical form");
            }
            return parsed;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidCheckpointException("malformed checkpoint body: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && treeSize == that.treeSize
                && Arrays.equals(rootHash, that.rootHash)
                && issuedAt.equals(that.issuedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), issuedAt);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + body().replace("\n", " ").strip() + "]";
    }
}
