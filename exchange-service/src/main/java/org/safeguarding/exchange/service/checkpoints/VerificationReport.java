package org.safeguarding.exchange.service.checkpoints;

/**
 * The outcome of checking the register: every chain link and entry hash, every leaf of the Merkle tree, the root at
 * every checkpoint, every checkpoint's signature and, given the agencies' keys, every agency's signature.
 *
 * @param intact                   true when nothing failed
 * @param entriesChecked           register entries read
 * @param chains                   hash chains walked
 * @param leavesChecked            leaves of the Merkle tree recomputed
 * @param checkpointsChecked       signed checkpoints whose root and signature were checked
 * @param signaturesChecked        agencies' signatures checked against their keys, or null when no keys were given
 * @param latestCheckpointTreeSize the size of the newest checkpoint, or null when none exists yet
 * @param firstBadSequence         the sequence of the first entry found wrong (missing, changed or moved), or null
 * @param firstBadLeafIndex        its leaf index, when it has one, or null
 * @param detail                   what is wrong with it, in words; or that everything verifies
 */
public record VerificationReport(
        boolean intact,
        long entriesChecked,
        int chains,
        long leavesChecked,
        int checkpointsChecked,
        Long signaturesChecked,
        Long latestCheckpointTreeSize,
        Long firstBadSequence,
        Long firstBadLeafIndex,
        String detail) {
}
