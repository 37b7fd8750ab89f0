package org.safeguarding.exchange.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.exchange.connect.webhook.RequestSignature.Component;
import org.safeguarding.exchange.connect.webhook.RequestSignature.Params;
import org.safeguarding.exchange.signing.SigningKey;

/** Known answers from RFC 9421 appendix B.2.6 (Ed25519) and RFC 9530 appendix B. */
class RequestSignatureTest {

    private static final String RFC_PRIVATE_KEY = "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF";
    private static final String RFC_PUBLIC_KEY = "MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=";

    private static final List<Component> B26 = List.of(
            new Component("date", "Tue, 20 Apr 2021 02:07:55 GMT"),
            new Component("@method", "POST"),
            new Component("@path", "/foo"),
            new Component("@authority", "example.com"),
            new Component("content-type", "application/json"),
            new Component("content-length", "18"));
    private static final Params B26_PARAMS = new Params(B26.stream().map(Component::name).toList(), 1618884473L,
            "test-key-ed25519");

    @Test
    void signatureBaseIsTheRfcs() {
        assertThat(RequestSignature.base(B26, B26_PARAMS)).isEqualTo("""
                "date": Tue, 20 Apr 2021 02:07:55 GMT
                "@method": POST
                "@path": /foo
                "@authority": example.com
                "content-type": application/json
                "content-length": 18
                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length")\
                ;created=1618884473;keyid="test-key-ed25519\"""");
    }

    @Test
    void ed25519SignatureIsTheRfcs() throws Exception {
        String signature = RequestSignature.sign(SigningKey.privateKeyOf(RFC_PRIVATE_KEY), RequestSignature.base(B26, B26_PARAMS));

        assertThat(signature).isEqualTo("wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==");
        assertThat(RequestSignature.signatureHeader(signature)).startsWith("exchange=:wqcA").endsWith("==:");
        assertThat(RequestSignature.verify(rfcPublicKey(), RequestSignature.base(B26, B26_PARAMS), signature)).isTrue();
        assertThat(RequestSignature.verify(rfcPublicKey(), RequestSignature.base(B26, B26_PARAMS).replace("POST", "PUT"), signature))
                .isFalse();
    }

    @Test
    void signatureInputNamesTheLabel() {
        assertThat(RequestSignature.signatureInput(B26_PARAMS)).isEqualTo(
                "exchange=(\"date\" \"@method\" \"@path\" \"@authority\" \"content-type\" \"content-length\")"
                        + ";created=1618884473;keyid=\"test-key-ed25519\"");
    }

    @Test
    void contentDigestIsTheRfcs() {
        assertThat(RequestSignature.contentDigest("{\"hello\": \"world\"}\n".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:");
    }

    private static PublicKey rfcPublicKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(RFC_PUBLIC_KEY)));
    }
}
