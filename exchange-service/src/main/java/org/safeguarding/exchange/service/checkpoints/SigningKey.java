package org.safeguarding.exchange.service.checkpoints;

import java.security.KeyPair;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;

/** The register's checkpoint key pair; only its public half ever leaves the service. */
record SigningKey(KeyPair pair) {

    String keyId() {
        return CheckpointKeys.keyId(pair.getPublic());
    }

    String publicKeyPem() {
        return CheckpointKeys.publicKeyToPem(pair.getPublic());
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + "]";
    }
}
