package org.safeguarding.exchange.service.checkpoints.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the signing key comes from: configuration, else a key file kept with the embedded default's data. */
public final class CheckpointKeyLoader {

    public static final String KEY_FILE = "checkpoint-key.pem";
    private static final Logger log = LoggerFactory.getLogger(CheckpointKeyLoader.class);

    private CheckpointKeyLoader() {
    }

    public static KeyPair load(CheckpointProperties properties, Path dataDir) {
        if (properties.privateKey() != null && !properties.privateKey().isBlank()) {
            KeyPair pair = CheckpointKeys.pairOf(CheckpointKeys.privateKeyFromPem(properties.privateKey()));
            if (properties.publicKey() != null && !properties.publicKey().isBlank()
                    && !CheckpointKeys.publicKeyFromPem(properties.publicKey()).equals(pair.getPublic())) {
                throw new IllegalStateException("exchange.checkpoints.public-key is not the public half of exchange.checkpoints.private-key");
            }
            return pair;
        }
        return fromKeyFile(dataDir.resolve(KEY_FILE));
    }

    /** Reads the key file, or creates it (readable by its owner only) with a fresh key; reused on every restart. */
    public static KeyPair fromKeyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return CheckpointKeys.pairOf(CheckpointKeys.privateKeyFromPem(Files.readString(file, StandardCharsets.US_ASCII)));
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
}
