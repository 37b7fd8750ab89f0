package org.safeguarding.exchange.service.signatures.internal;

/**
 * Ed25519 verification (RFC 8032) with BouncyCastle's low-level implementation, several times cheaper per message
 * than the JDK provider's (benchmarks/README.md, SignatureBenchmark): the exchange checks one signature per message.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }
}
