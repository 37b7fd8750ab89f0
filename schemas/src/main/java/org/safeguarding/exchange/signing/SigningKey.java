package org.safeguarding.exchange.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * An agency's Ed25519 signing key and the id the exchange's directory knows its public half by. Read from the client
 * settings {@value #KEY_ID} and {@value #PRIVATE_KEY} (base64 PKCS#8 DER, as {@code openssl genpkey -algorithm ed25519
 * -outform DER} writes it, or Node's {@code key.export({type: 'pkcs8', format: 'der'})}).
 */
public record SigningKey(String keyId, PrivateKey privateKey) {

    public static final String KEY_ID = "exchange.signing.key.id";
    public static final String PRIVATE_KEY = "exchange.signing.private.key";

    /** The length of a raw Ed25519 public key, the form the directory publishes. */
    public static final int PUBLIC_KEY_LENGTH = 32;
    /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The key named in client settings, or null when they name none. */
    public static SigningKey fromConfig(Map<String, ?> config) {
        Object id = config.get(KEY_ID);
        Object key = config.get(PRIVATE_KEY);
        if (id == null && key == null) {
            return null;
        }
        if (id == null || key == null) {
            throw new IllegalArgumentException("Signing needs both " + KEY_ID + " and " + PRIVATE_KEY);
        }
        return new SigningKey(id.toString(), privateKeyOf(key.toString()));
    }

    public static PrivateKey privateKeyOf(String base64Pkcs8) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(PRIVATE_KEY + " is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** A new key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no Ed25519", e);
        }
    }

    /** The raw 32-byte form of an Ed25519 public key (the last bytes of its X.509 encoding). */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] x509 = key.getEncoded();
        if (x509.length != X509_PREFIX.length + PUBLIC_KEY_LENGTH
                || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("Not an Ed25519 public key");
        }
        return Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length);
    }

    /** The PKCS#8 form of a private key, base64, as {@value #PRIVATE_KEY} takes it. */
    public static String encodePrivateKey(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
