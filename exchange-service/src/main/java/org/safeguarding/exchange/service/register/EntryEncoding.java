package org.safeguarding.exchange.service.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.exchange.service.register.internal.BigEndianBuffer;

/**
 * The canonical byte encoding of a register entry: what its hash, its chain link and its Merkle leaf cover. An entry
 * keeps the version it was written with ({@code entry_version}); new entries are written with version 2.
 *
 * <p>Every field is written in a fixed order with an explicit length, so that two different entries can never encode
 * to the same bytes. The types, all integers big-endian:
 * <ul>
 * <li><b>str</b>: a 4-byte signed length, then that many bytes of UTF-8; length -1 (and no bytes) for null;</li>
 * <li><b>i32</b>, <b>i64</b>: 4 and 8 bytes, two's complement;</li>
 * <li><b>hash</b>: exactly 32 bytes;</li>
 * <li><b>strs</b>: an i32 count, then each item as a str;</li>
 * <li><b>bytes</b> (version 2): an i32 length, then that many bytes; length -1 (and no bytes) for null;</li>
 * <li><b>time?</b> (version 2): one byte 0 for null, or one byte 1 then an i64 of microseconds since
 * 1970-01-01T00:00:00Z (rounded down, the precision PostgreSQL keeps);</li>
 * </ul>
 *
 * <p><b>Version 1</b>, in order: str {@code "exchange-register-entry-v1"}; i64 sequence; str chain id; i64 chain
 * position; hash previous entry hash; str message id; str outcome; str record type; str source topic; i32 source
 * partition; i64 source offset; str sender header; i64 received time in milliseconds since the epoch; strs flags,
 * sorted (they are ASCII: byte order); i32 count of violations, then per violation str field, str rule, str message;
 * i32 schema id (-1 for none); i32 payload size; hash SHA-256 of the exact bytes the agency sent.
 *
 * <p><b>Version 2</b> is version 1 with the version string {@code "exchange-register-entry-v2"}, followed by every
 * other value the register keeps and serves, so that none of them can be changed unnoticed: str case reference; str
 * sending agency; strs recipient agencies, in stored order; str requester name; str decision; str consent status;
 * time? occurred; time? recorded; str corrects message id; str request id; strs person references, in stored order;
 * str proven sender; the signature, one byte 0 for none or one byte 1 then str key id, i64 signing time in
 * milliseconds since the epoch, bytes signature value; bytes SHA-256 of the text of the schema the message names
 * (null for a message that could not be decoded).
 *
 * <p>The message itself is covered through the SHA-256 of its exact bytes, and its schema through the SHA-256 of the
 * schema's text: the readable JSON is derived from both when read. The late-entry flag is one of the flags. An auditor
 * can re-implement this from this comment alone.
 */
public final class EntryEncoding {

    /** Written first, so that one encoding version can never be mistaken for another. */
    static final String VERSION_1 = "exchange-register-entry-v1";
    static final String VERSION_2 = "exchange-register-entry-v2";
    /** The version new entries are written with. */
    public static final int CURRENT_VERSION = 2;
    public static final int HASH_LENGTH = 32;
    public static final byte[] GENESIS_HASH = new byte[HASH_LENGTH];

    private EntryEncoding() {
    }

    /** The canonical encoding of a written entry, in the version it was written with. */
    public static byte[] encode(RegisterEntry e) {
        return encode(e.entryVersion(), e.sequence(), e.chainId(), e.chainPosition(), e.previousHash(), e.message(), e.schemaSha256());
    }

    /** The canonical encoding of an entry in the given version; version 1 takes no schema hash. */
    public static byte[] encode(int version, long sequence, String chainId, long chainPosition, byte[] previousHash, NewEntry m,
            byte[] schemaSha256) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("No register entry encoding version " + version);
        }
        if (version == 1 && schemaSha256 != null) {
            throw new IllegalArgumentException("A version 1 entry covers no schema hash");
        }
        Writer w = new Writer();
        w.string(version == 1 ? VERSION_1 : VERSION_2);
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
        w.strings(flags);
        w.int32(m.violations().size());
        for (EntryViolation v : m.violations()) {
            w.string(v.field());
            w.string(v.rule());
            w.string(v.message());
        }
        w.int32(m.schemaId() == null ? -1 : m.schemaId());
        w.int32(m.payloadSize());
        w.fixed(m.payloadSha256());
        if (version == 2) {
            EntryFacts f = m.facts();
            w.string(f.caseReference());
            w.string(f.sendingAgency());
            w.strings(f.recipientAgencies());
            w.string(f.requesterName());
            w.string(f.decision());
            w.string(f.consentStatus());
            w.time(f.occurredAt());
            w.time(f.recordedAt());
            w.string(f.correctsMessageId());
            w.string(f.requestId());
            w.strings(f.personReferences());
            w.string(m.provenSender());
            EntrySignature s = m.signature();
            if (s == null) {
                w.int8(0);
            } else {
                w.int8(1);
                w.string(s.keyId());
                w.int64(s.signedAt().toEpochMilli());
                w.bytes(s.value());
            }
            if (schemaSha256 != null && schemaSha256.length != HASH_LENGTH) {
                throw new IllegalArgumentException("A schema hash is " + HASH_LENGTH + " bytes, not " + schemaSha256.length);
            }
            w.bytes(schemaSha256);
        }
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
        private final BigEndianBuffer out = new BigEndianBuffer(768);

        void string(String s) {
            if (s == null) {
                int32(-1);
                return;
            }
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        void strings(List<String> items) {
            int32(items.size());
            items.forEach(this::string);
        }

        void bytes(byte[] b) {
            if (b == null) {
                int32(-1);
                return;
            }
            int32(b.length);
            out.append(b);
        }

        void fixed(byte[] hash) {
            if (hash.length != HASH_LENGTH) {
                throw new IllegalArgumentException("A hash is " + HASH_LENGTH + " bytes, not " + hash.length);
            }
            out.append(hash);
        }

        void time(Instant t) {
            if (t == null) {
                int8(0);
                return;
            }
            int8(1);
            int64(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000));
        }

        void int8(int v) {
            out.int8(v);
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
