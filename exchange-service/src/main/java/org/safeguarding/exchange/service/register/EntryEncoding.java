package org.safeguarding.exchange.service.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.exchange.service.register.internal.BigEndianBuffer;

/**
 * The canonical byte encoding of a register entry: what its hash, its chain link and its Merkle leaf cover.
 *
 * <p>Every field is written in a fixed order with an explicit length, so that two different entries can never
 * encode to the same bytes: strings as a 4-byte big-endian length and UTF-8 (length -1 for null), numbers as
 * fixed-width big-endian, lists as a count then their items. The message itself is covered through the SHA-256
 * of the exact bytes the agency sent; the readable JSON and the search columns are derived from those bytes.
 * An auditor can re-implement this from this comment alone.
 */
public final class EntryEncoding {

    /** Written first, so that a later encoding version can never be mistaken for this one. */
    static final String VERSION = "exchange-register-entry-v1";
    public static final int HASH_LENGTH = 32;
    public static final byte[] GENESIS_HASH = new byte[HASH_LENGTH];

    private EntryEncoding() {
    }

    public static byte[] encode(long sequence, String chainId, long chainPosition, byte[] previousHash, NewEntry m) {
        Writer w = new Writer();
        w.string(VERSION);
        w.int64(sequence);
        w.string(chainId);
        w.int64(chainPosition);
        w.fixed(previousHash);
        w.string(m.messageId());
        w.string(m.outcome().name());
        w.string(m.facts().recordType());
        w.string(m.source().topic());
        w.int32(m.source().partition());
        w.int64(m.source().offset());
        w.string(m.sender());
        w.int64(m.receivedAt().toEpochMilli());
        List<String> flags = new ArrayList<>(m.flags());
        flags.sort(null);
        w.int32(flags.size());
        flags.forEach(w::string);
        w.int32(m.violations().size());
        for (EntryViolation v : m.violations()) {
            w.string(v.field());
            w.string(v.rule());
            w.string(v.message());
        }
        w.int32(m.schemaId() == null ? -1 : m.schemaId());
        w.int32(m.payloadSize());
        w.fixed(m.payloadSha256());
        return w.bytes();
    }

    public static byte[] entryHash(byte[] canonicalEncoding) {
        return sha256().digest(canonicalEncoding);
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    // MessageDigest is not thread-safe; one per thread saves a provider look-up per hash.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(EntryEncoding::newSha256);

    private static MessageDigest sha256() {
        return SHA256.get();
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static final class Writer {
        private final BigEndianBuffer out = new BigEndianBuffer(512);

        void string(String s) {
            if (s == null) {
                int32(-1);
                return;
            }
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int32(utf8.length);
            out.append(utf8);
        }

        void fixed(byte[] hash) {
            if (hash.length != HASH_LENGTH) {
                throw new IllegalArgumentException("A hash is " + HASH_LENGTH + " bytes, not " + hash.length);
            }
            out.append(hash);
        }

        void int32(int v) {
            out.int32(v);
        }

        void int64(long v) {
            out.int64(v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
