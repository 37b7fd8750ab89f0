package org.safeguarding.exchange.service.checkpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointKeyLoader;
import org.safeguarding.exchange.service.checkpoints.internal.CheckpointProperties;
import org.safeguarding.exchange.service.integrity.CheckpointKeys;
import org.safeguarding.exchange.service.integrity.CheckpointSigner;

class CheckpointKeyLoaderTest {

    @Test
    void withNoKeyConfiguredOneIsGeneratedIntoTheDataFolderAndReusedOnRestart(@TempDir Path dataDir) {
        CheckpointProperties unset = new CheckpointProperties(true, 1000, 10, 250, 5, "origin", null, null);
        KeyPair first = CheckpointKeyLoader.load(unset, dataDir.resolve("data"));
        assertThat(dataDir.resolve("data").resolve(CheckpointKeyLoader.KEY_FILE)).exists();
        KeyPair again = CheckpointKeyLoader.load(unset, dataDir.resolve("data"));
        assertThat(again.getPrivate()).isEqualTo(first.getPrivate());
        assertThat(again.getPublic()).isEqualTo(first.getPublic());
        new CheckpointSigner(again); // refuses a private and public key that are not one pair
    }

    @Test
    void aConfiguredPrivateKeyYieldsItsOwnPublicKeyAndAMismatchedPublicKeyIsRefused(@TempDir Path dataDir) throws Exception {
        KeyPair pair = CheckpointKeys.generate();
        String privatePem = CheckpointKeys.privateKeyToPem(pair.getPrivate());
        KeyPair loaded = CheckpointKeyLoader.load(new CheckpointProperties(true, 1000, 10, 250, 5, "origin", privatePem, null), dataDir);
        assertThat(loaded.getPublic()).isEqualTo(pair.getPublic());
        assertThat(Files.list(dataDir)).isEmpty();

        String otherPublic = CheckpointKeys.publicKeyToPem(CheckpointKeys.generate().getPublic());
        assertThatThrownBy(() -> CheckpointKeyLoader.load(new CheckpointProperties(true, 1000, 10, 250, 5, "origin", privatePem, otherPublic), dataDir))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not the public half");
    }
}
