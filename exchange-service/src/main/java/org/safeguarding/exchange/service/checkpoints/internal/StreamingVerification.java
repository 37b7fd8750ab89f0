package org.safeguarding.exchange.service.checkpoints.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.safeguarding.exchange.service.checkpoints.VerificationReport;
import org.safeguarding.exchange.service.integrity.CheckpointVerifier;
import org.safeguarding.exchange.service.integrity.InvalidCheckpointException;
import org.safeguarding.exchange.service.integrity.MerkleFrontier;
import org.safeguarding.exchange.service.integrity.SignedCheckpoint;
import org.safeguarding.exchange.service.register.Chain;
import org.safeguarding.exchange.service.register.EntrySignature;
import org.safeguarding.exchange.service.register.NewEntry;
import org.safeguarding.exchange.service.register.RegisterEntry;
import org.safeguarding.exchange.service.signatures.VerifyingKey;

/**
 * Checks a register, fed one entry at a time in leaf order, against its signed checkpoints: each entry's chain link
 * and hash ({@link Chain#verifyNext}), that the schema its message names is still the one it recorded (so that the
 * message read back from its bytes is the one hashed), its leaf hash, the tree root at every checkpoint's size and
 * every checkpoint's signature, and, given the agencies' keys, that each entry's proven sender signed it. Remembers the first problem and where it is. Knows nothing of where the entries come
 * from, so the service (from the database) and the offline verifier (from an export) run the same checks.
 */
public final class StreamingVerification {

    private final CheckpointVerifier verifier;
    private final List<SignedCheckpoint> checkpoints;
    private final IntFunction<byte[]> schemaHashes;
    private final String schemaSource;
    private final Function<String, Optional<VerifyingKey>> agencyKeys;
    private long signaturesChecked;
    private final Map<String, Chain> chains = new HashMap<>();
    private final MerkleFrontier frontier = new MerkleFrontier();
    private int nextCheckpoint;
    private int checkpointsChecked;
    private long entries;
    private long lastLeafSequence;
    private long previousCheckpointSize;
    private String problem;
    private Long badSequence;
    private Long badLeaf;

    /**
     * @param checkpoints  the signed checkpoints to check, smallest tree first
     * @param schemaHashes the SHA-256 of the text of each schema id as {@code schemaSource} gives it, null for an id it
     *                     does not hold
     * @param schemaSource where the schemas come from, as the report names it ("the registry", "the export")
     * @param agencyKeys   the agencies' signing keys by key id, to check each entry's proven sender against; null: the
     *                     signatures are not checked
     */
    public StreamingVerification(CheckpointVerifier verifier, List<SignedCheckpoint> checkpoints, IntFunction<byte[]> schemaHashes,
            String schemaSource, Function<String, Optional<VerifyingKey>> agencyKeys) {
        this.verifier = verifier;
        this.checkpoints = List.copyOf(checkpoints);
        this.schemaHashes = schemaHashes;
        this.schemaSource = schemaSource;
        this.agencyKeys = agencyKeys;
    }

    /**
     * The next leaf of the tree and the entry it stands for.
     *
     * @param storedLeafHash the leaf hash the tree recorded, or null where there is none to compare (an export)
     * @param entry          the entry with its hashes recomputed, or null when the register no longer holds it
     */
    public void leaf(long leafIndex, long entrySequence, byte[] storedLeafHash, HashedEntry entry) {
        if (leafIndex != frontier.size()) {
            fail("leaf " + frontier.size() + " is missing: the next leaf present is " + leafIndex, entrySequence, frontier.size());
            return;
        }
        if (entrySequence <= lastLeafSequence) {
            fail("leaf " + leafIndex + " names entry " + entrySequence + " after entry " + lastLeafSequence
                    + ": the tree's order was changed", entrySequence, leafIndex);
        }
        lastLeafSequence = Math.max(lastLeafSequence, entrySequence);
        byte[] leafHash;
        if (entry == null) {
            fail("entry " + entrySequence + " (leaf " + leafIndex + ") is missing from the register", entrySequence, leafIndex);
            leafHash = storedLeafHash;
        } else {
            checkChain(entry, leafIndex);
            leafHash = entry.leafHash();
            if (storedLeafHash != null && !Arrays.equals(leafHash, storedLeafHash)) {
                fail("entry " + entrySequence + " (leaf " + leafIndex + ") no longer matches the leaf hash the tree recorded",
                        entrySequence, leafIndex);
            }
        }
        frontier.append(leafHash);
        checkCheckpointsUpTo(frontier.size());
    }

    /** An entry committed after the last leaf was given, not yet in the tree: only its chain can be checked. */
    public void notYetInTree(HashedEntry entry) {
        if (entry.entry().sequence() <= lastLeafSequence) {
            fail("entry " + entry.entry().sequence() + " is not in the tree although later entries are", entry.entry().sequence(), null);
        }
        checkChain(entry, null);
    }

    public VerificationReport finish() {
        checkCheckpointsUpTo(Long.MAX_VALUE);
        Long latest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).checkpoint().treeSize();
        return new VerificationReport(problem == null, entries, chains.size(), frontier.size(), checkpointsChecked,
                agencyKeys == null ? null : signaturesChecked, latest,
                badSequence, badLeaf, problem == null ? "every chain, leaf, root and signature verifies" : problem);
    }

    private void checkChain(HashedEntry hashed, Long leafIndex) {
        entries++;
        RegisterEntry entry = hashed.entry();
        String chainProblem = chains.computeIfAbsent(entry.chainId(), Chain::empty).verifyNext(hashed.recomputed());
        if (chainProblem != null) {
            fail(chainProblem, entry.sequence(), leafIndex);
            return;
        }
        String problem = entry.schemaSha256() == null ? null : schemaProblem(entry);
        if (problem == null && agencyKeys != null && entry.message().provenSender() != null) {
            problem = senderProblem(entry);
        }
        if (problem != null) {
            fail(problem, entry.sequence(), leafIndex);
        }
    }

    /**
     * Why the entry's proven sender is not shown by its signature and that agency's key, or null when it is: the
     * agency's own proof that it sent these bytes, apart from the exchange's hashes.
     */
    private String senderProblem(RegisterEntry entry) {
        signaturesChecked++;
        NewEntry message = entry.message();
        EntrySignature signature = message.signature();
        if (signature == null) {
            return "entry " + entry.sequence() + " names " + message.provenSender() + " as proven sender but holds no signature";
        }
        Optional<VerifyingKey> key = agencyKeys.apply(signature.keyId());
        if (key.isEmpty() || !key.get().agency().equals(message.provenSender())) {
            return "entry " + entry.sequence() + ": key " + signature.keyId() + " is not a key of " + message.provenSender()
                    + " among the agencies' keys";
        }
        if (!key.get().verifies(message.messageId(), message.sender(), signature.signedAt(), message.payloadSha256(), signature.value())) {
            return "entry " + entry.sequence() + ": its signature does not verify with " + message.provenSender() + "'s key "
                    + signature.keyId();
        }
        return null;
    }

    /** Why the schema the entry's message names is not the one the entry recorded, or null when it is. */
    private String schemaProblem(RegisterEntry entry) {
        Integer schemaId = entry.message().schemaId();
        if (schemaId == null) {
            return "entry " + entry.sequence() + " recorded a schema hash but names no schema";
        }
        byte[] now = schemaHashes.apply(schemaId);
        if (now == null) {
            return "entry " + entry.sequence() + ": its message names schema " + schemaId + ", which " + schemaSource
                    + " does not hold, so the message cannot be read back";
        }
        if (!Arrays.equals(now, entry.schemaSha256())) {
            return "entry " + entry.sequence() + ": schema " + schemaId + " in " + schemaSource
                    + " is not the schema the entry recorded, so its message would be read back wrongly";
        }
        return null;
    }

    /** Checks each checkpoint whose size the tree has reached; those beyond the leaves present report the loss. */
    private void checkCheckpointsUpTo(long size) {
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).checkpoint().treeSize() <= size) {
            SignedCheckpoint signed = checkpoints.get(nextCheckpoint++);
            long treeSize = signed.checkpoint().treeSize();
            checkpointsChecked++;
            try {
                verifier.verify(signed);
            } catch (InvalidCheckpointException e) {
                fail("checkpoint " + treeSize + " is not signed by the register's key: " + e.getMessage(), null, null);
            }
            if (treeSize > frontier.size()) {
                fail("the register holds " + frontier.size() + " leaves but checkpoint " + treeSize + " covers " + treeSize
                        + ": leaves " + frontier.size() + " to " + (treeSize - 1) + " are missing", null, frontier.size());
            } else if (!Arrays.equals(frontier.root(), signed.checkpoint().rootHash())) {
                fail("the first " + treeSize + " leaves do not hash to the root signed in checkpoint " + treeSize
                        + ": a leaf from " + previousCheckpointSize + " to " + (treeSize - 1) + " was changed", null,
                        previousCheckpointSize);
            }
            previousCheckpointSize = treeSize;
        }
    }

    private void fail(String what, Long sequence, Long leafIndex) {
        if (problem == null) {
            problem = what;
            badSequence = sequence;
            badLeaf = leafIndex;
        }
    }
}
