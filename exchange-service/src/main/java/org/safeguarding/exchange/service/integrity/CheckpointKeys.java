package org.safeguarding.exchange.service.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys for checkpoints, from the JDK alone: generation, key ids, and text forms that
 * configuration can hold (PEM, or the same base64 without the armour lines).
 */
public final class CheckpointKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final String PRIVATE_LABEL = "PRIVATE KEY";
    private static final String PUBLIC_LABEL = "PUBLIC KEY";

    private CheckpointKeys() {
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 15+ platform", e);
        }
    }

    /**
     * The whole pair from the private key alone. An Ed25519 private key is a 32-byte seed from which the JDK's key
     * generator derives the public key, so feeding the seed back as its randomness rebuilds the same pair.
     */
    public static KeyPair pairOf(PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey edKey) || edKey.getBytes().isEmpty()) {
            throw new IllegalArgumentException("the checkpoint key must be an Ed25519 private key");
        }
        byte[] seed = edKey.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            KeyPair derived = generator.generateKeyPair();
            return new KeyPair(derived.getPublic(), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java 17 platform has Ed25519", e);
        }
    }

    /** The key id: lower-case hex SHA-256 of the public key's X.509 encoding. */
    public static String keyId(PublicKey publicKey) {
        return HexFormat.of().formatHex(MerkleHasher.sha256(publicKey.getEncoded()));
    }

    /** The private key as a PKCS#8 PEM block. */
    public static String privateKeyToPem(PrivateKey privateKey) {
        return pem(PRIVATE_LABEL, privateKey.getEncoded());
    }

    /** The public key as an X.509 SubjectPublicKeyInfo PEM block. */
    public static String publicKeyToPem(PublicKey publicKey) {
        return pem(PUBLIC_LABEL, publicKey.getEncoded());
    }

    /**
     * Reads an Ed25519 private key from PKCS#8 PEM or bare base64.
     *
     * @throws IllegalArgumentException if the text is not an Ed25519 PKCS#8 key
     */
    public static PrivateKey privateKeyFromPem(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE_LABEL, text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an Ed25519 public key from X.509 PEM or bare base64.
     *
     * @throws IllegalArgumentException if the text is not an Ed25519 X.509 public key
     */
    public static PublicKey publicKeyFromPem(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(PUBLIC_LABEL, text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the key if it is an Ed25519 key.
     *
     * @throws IllegalArgumentException for any other kind of key (Ed448 included)
     */
    static <K extends Key> K requireEd25519(K key) {
        if (key instanceof EdECKey edKey && ALGORITHM.equalsIgnoreCase(edKey.getParams().getName())) {
            return key;
        }
        throw new IllegalArgumentException("checkpoint keys must be Ed25519, not "
                + (key == null ? "missing" : key.getAlgorithm()));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] der(String label, String text) {
        if (text == null) {
            throw new IllegalArgumentException("no " + label.toLowerCase() + " text given");
        }
        String body = text.strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        if (body.startsWith("-----")) {
            if (!body.startsWith(begin) || !body.endsWith(end)) {
                throw new IllegalArgumentException("expected a PEM block labelled " + label);
            }
            body = body.substring(begin.length(), body.length() - end.length());
        }
        // Line breaks and indentation are layout; anything else outside base64 is an error.
        return Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    }
}
