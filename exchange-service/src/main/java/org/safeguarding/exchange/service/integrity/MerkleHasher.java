package org.safeguarding.exchange.service.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 hashing with SHA-256. The 0x00 and 0x01 prefixes keep a leaf from ever being
 * mistaken for an inner node (second-preimage resistance).
 */
public final class MerkleHasher {

    /** Length in bytes of every hash this class produces. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    // MessageDigest is not thread-safe; one per thread avoids a provider look-up per hash.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHasher::newSha256);

    private static final byte[] EMPTY_ROOT = newSha256().digest();

    private MerkleHasher() {
    }

    /** The root of the tree with no leaves: SHA-256 of the empty string. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** The hash of one leaf: SHA-256(0x00 || data). */
    public static byte[] hashLeaf(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /** The hash of an inner node: SHA-256(0x01 || left || right). */
    public static byte[] hashChildren(byte[] left, byte[] right) {
        MessageDigest digest = SHA256.get();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** SHA-256 of arbitrary bytes, for key ids and similar fingerprints. */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
