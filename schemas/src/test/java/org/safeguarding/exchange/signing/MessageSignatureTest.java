package org.safeguarding.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the signed byte string and its Ed25519 signature, computed independently with Node's crypto (the
 * worked example in AUDITING.md), with RFC 8032's first test key.
 */
class MessageSignatureTest {

    static final String RFC8032_TEST1_PKCS8 = "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g";
    static final String RFC8032_TEST1_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    static final String MESSAGE_ID = "0b7e7c38-5d0e-4b8a-9c52-3f4f1b2a6d10";
    static final long SENT_AT = 1796601600000L; // 2026-12-07T00:00:00Z
    static final byte[] VALUE = HexFormat.of().parseHex("00000000016578616d706c652076616c7565");

    @Test
    void theSignedBytesAreTheDocumentedLayout() {
        byte[] signed = MessageSignature.signedBytesOfValue(MESSAGE_ID, "LA-HULL", SENT_AT, VALUE);

        assertThat(HexFormat.of().formatHex(signed)).isEqualTo(
                "65786368616e67652d6d6573736167652d7369676e61747572652d763100"
                        + "00000024" + HexFormat.of().formatHex(MESSAGE_ID.getBytes(StandardCharsets.UTF_8))
                        + "00000007" + "4c412d48554c4c"
                        + "000001a24dccd800"
                        + "5894b0c08fa0ddf6ddefe7ce7a9efc50e0536f9501b6b748ff2daabb949ba1d1");
    }

    @Test
    void theSignatureIsTheOneNodeComputes() {
        SigningKey key = SigningKey.fromConfig(Map.of(SigningKey.KEY_ID, "LA-HULL-1", SigningKey.PRIVATE_KEY, RFC8032_TEST1_PKCS8));

        byte[] signature = MessageSignature.sign(key.privateKey(), MessageSignature.signedBytesOfValue(MESSAGE_ID, "LA-HULL", SENT_AT, VALUE));

        assertThat(MessageSignature.encode(signature))
                .isEqualTo("j16nfYZCm5GI9JhvB5WuR20XfBvzyKn2URxgQBfdiETcx7xNqO4JVkDZzT9VtpeLsXuLhfJIYzmbvVwMkm2gAg==");
    }

    @Test
    void theRawPublicKeyIsTheLast32BytesOfItsX509Form() {
        KeyPair pair = SigningKey.generate();

        assertThat(SigningKey.rawPublicKey(pair.getPublic())).hasSize(32);
    }

    @Test
    void aSignatureHeaderMustBeBase64Of64Bytes() {
        assertThat(MessageSignature.decodeOrNull("not base64!")).isNull();
        assertThat(MessageSignature.decodeOrNull("AAAA")).isNull();
        assertThat(MessageSignature.decodeOrNull(MessageSignature.encode(new byte[64]))).hasSize(64);
    }

    @Test
    void halfASigningConfigurationIsAnError() {
        assertThatThrownBy(() -> SigningKey.fromConfig(Map.of(SigningKey.KEY_ID, "LA-HULL-1")))
                .hasMessageContaining(SigningKey.PRIVATE_KEY);
        assertThat(SigningKey.fromConfig(Map.of())).isNull();
    }
}
