package org.safeguarding.exchange.service.checkpoints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the signing key comes from: configuration, else a key file kept with the embedded default's data. */
final class SigningKeys {

    static final String KEY_FILE = "checkpoint-key.pem";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private SigningKeys() {
    }

    static KeyPair load(CheckpointProperties properties, Path dataDir) {
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            KeyPair pair = fromPrivateKey(CheckpointKeys.privateKeyFromPem(properties.privateKey()));
            if (properties.publicKey() != null && !properties.publicKey().isBlank()
                    && !CheckpointKeys.publicKeyFromPem(properties.publicKey()).equals(pair.getPublic())) {
                throw new IllegalStateException("exchange.checkpoints.public-key is not the public half of exchange.checkpoints.private-key");
            }
            return pair;
        }
        return fromKeyFile(dataDir.resolve(KEY_FILE));
    }

    /** Reads the key file, or creates it (readable by its owner only) with a fresh key; reused on every restart. */
    static KeyPair fromKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return fromPrivateKey(CheckpointKeys.privateKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII)));
            }
            KeyPair pair = CheckpointKeys.generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, CheckpointKeys.privateKeyToPem(pair.getPrivate()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            log.warn("No exchange.checkpoints.private-key configured: generated a checkpoint signing key in {} (key id {})",
                    file.toAbsolutePath(), CheckpointKeys.keyId(pair.getPublic()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the checkpoint key " + file, e);
        }
    }

    /**
     * The whole pair from the private key alone. An Ed25519 private key is a 32-byte seed from which the JDK's key
     * generator derives the public key, so feeding the seed back as its randomness rebuilds the same pair.
     */
    static KeyPair fromPrivateKey(PrivateKey privateKey) {
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
}
