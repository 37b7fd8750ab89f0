package org.safeguarding.exchange.service.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CheckpointKeysTest {

    private final KeyPair keys = CheckpointKeys.generate();

    @Test
    void keyIdIsHexSha256OfTheX509Encoding() throws Exception {
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded()));
        assertThat(CheckpointKeys.keyId(keys.getPublic())).isEqualTo(expected).hasSize(64);
    }

    @Test
    void keysSurvivePemRoundTrips() throws Exception {
        String privatePem = CheckpointKeys.privateKeyToPem(keys.getPrivate());
        String publicPem = CheckpointKeys.publicKeyToPem(keys.getPublic());
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");

        KeyPair loaded = new KeyPair(CheckpointKeys.publicKeyFromPem(publicPem),
                CheckpointKeys.privateKeyFromPem(privatePem));
        assertThat(loaded.getPublic().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(loaded.getPrivate().getEncoded()).isEqualTo(keys.getPrivate().getEncoded());

        // A note signed with the reloaded private key verifies with the original public key, and back.
        Checkpoint checkpoint = new Checkpoint("o", 3, MerkleHasher.emptyRoot(), Instant.EPOCH);
        assertThat(new CheckpointVerifier(keys.getPublic()).verify(new CheckpointSigner(loaded).sign(checkpoint)))
                .isEqualTo(checkpoint);
        assertThat(new CheckpointVerifier(loaded.getPublic()).verify(new CheckpointSigner(keys).sign(checkpoint)))
                .isEqualTo(checkpoint);
    }

    @Test
    void bareBase64WithoutArmourIsAccepted() {
        String privateBase64 = java.util.Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
        String publicBase64 = java.util.Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
        assertThat(CheckpointKeys.privateKeyFromPem(privateBase64).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
        assertThat(CheckpointKeys.publicKeyFromPem(" " + publicBase64 + "\n").getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void wrongOrForeignKeyTextIsRefused() throws Exception {
        String publicPem = CheckpointKeys.publicKeyToPem(keys.getPublic());
        String privatePem = CheckpointKeys.privateKeyToPem(keys.getPrivate());
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String rsaPublic = java.util.Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded());

        assertThatThrownBy(() -> CheckpointKeys.privateKeyFromPem(publicPem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.publicKeyFromPem(privatePem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.publicKeyFromPem(rsaPublic)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.publicKeyFromPem("not base64 at all!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CheckpointKeys.publicKeyFromPem(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
