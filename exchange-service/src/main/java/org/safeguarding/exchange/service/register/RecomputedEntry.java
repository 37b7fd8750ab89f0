package org.safeguarding.exchange.service.register;

import java.util.Arrays;

/**
 * A stored entry with what its stored fields hash to now: its canonical encoding, that encoding's hash and whether
 * the message bytes still match their recorded hash. Depends on nothing but the entry, so a verifier can compute it
 * for many entries at once on several threads and leave only the linking ({@link Chain#verifyNext}) in order.
 */
public record RecomputedEntry(RegisterEntry entry, byte[] canonicalEncoding, byte[] hash, boolean payloadMatches) {

    public static RecomputedEntry of(RegisterEntry stored) {
        byte[] payload = stored.message().payload();
        boolean payloadMatches = payload == null || Arrays.equals(EntryEncoding.sha256(payload), stored.message().payloadSha256());
        byte[] encoding;
        try {
            encoding = stored.canonicalEncoding();
        } catch (IllegalArgumentException e) {
            // Stored fields no encoding version can hold (a version 1 entry with a schema hash): changed since written,
            // so they hash to nothing that can match.
            return new RecomputedEntry(stored, new byte[0], new byte[0], payloadMatches);
        }
        return new RecomputedEntry(stored, encoding, EntryEncoding.entryHash(encoding), payloadMatches);
    }
}
