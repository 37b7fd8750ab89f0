package org.safeguarding.exchange.service.checkpoints.internal;

import java.security.KeyPair;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;

/** The register's checkpoint key pair; only its public half ever leaves the service. */
public record CheckpointKeyPair(KeyPair pair) {

    public String keyId() {
        return CheckpointKeys.keyId(pair.getPublic());
    }

    public String publicKeyPem() {
        return CheckpointKeys.publicKeyToPem(pair.getPublic());
    }

    @Override
    public String toString() {
        return "CheckpointKeyPair[" + keyId() + "]";
    }
}
