package org.safeguarding.exchange.service.signatures.internal;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint;

/**
 * Ed25519 verification (RFC 8032) with BouncyCastle's low-level implementation, several times cheaper per message
 * than the JDK provider's (benchmarks/README.md, SignatureBenchmark): the exchange checks one signature per message.
 * Each public key is decoded and validated once and kept: the directory holds a handful of keys, and decoding is a
 * share of every verification.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private static final Map<ByteBuffer, Optional<PublicPoint>> DECODED = new ConcurrentHashMap<>();

    private Ed25519() {
    }

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        // Looked up by the caller's bytes; only a key seen for the first time is copied into the map.
        Optional<PublicPoint> point = DECODED.get(ByteBuffer.wrap(publicKey));
        if (point == null) {
            point = decode(ByteBuffer.wrap(publicKey));
            DECODED.putIfAbsent(ByteBuffer.wrap(publicKey.clone()), point);
        }
        return point.isPresent()
                && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, point.get(), message, 0, message.length);
    }

    /** The key's point, fully validated (on the curve, not of small order); empty when the bytes are no such key. */
    private static Optional<PublicPoint> decode(ByteBuffer publicKey) {
        return Optional.ofNullable(org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyFullExport(publicKey.array(), 0));
    }
}
