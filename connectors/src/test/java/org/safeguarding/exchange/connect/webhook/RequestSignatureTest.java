package org.safeguarding.exchange.connect.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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

    /** The webhook's own profile, with the RFC's key: the worked example in connectors/README.md. */
    @Test
    void theWebhooksSignatureOfAKnownRequest() {
        byte[] body = "{\"messageId\":\"0b5e4f3a-1111-4222-8333-944455566677\",\"sender\":\"SCH-OAKFIELD\"}"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("content-type", "application/json",
                "content-digest", RequestSignature.contentDigest(body),
                "idempotency-key", "0b5e4f3a-1111-4222-8333-944455566677",
                "exchange-sender", "SCH-OAKFIELD",
                "exchange-record-type", "exchange.v1.ShareDecision");
        Params params = new Params(RequestSignature.COVERED, 1796601600L, "test-key-ed25519");

        String base = RequestSignature.base(RequestSignature.covered("POST", URI.create("https://partner.example/exchange/inbox"), headers), params);

        assertThat(headers.get("content-digest")).isEqualTo("sha-256=:R1/E+Coge0w009Z2ejNmpnRbg+YMpEIuzCEn6Xk4y6A=:");
        assertThat(RequestSignature.sign(SigningKey.privateKeyOf(RFC_PRIVATE_KEY), base))
                .isEqualTo("YYsgHYnQWZ9PHlPum5a2OMPCpS/H16QLI8yXZ2BN8IgoogJKgDeSlntI1aQ7FydLFm5hTCLg0PVHN+1/mjiCAg==");
        assertThat(RequestSignature.signatureInput(params)).isEqualTo("exchange=(\"@method\" \"@target-uri\" \"content-type\" "
                + "\"content-digest\" \"idempotency-key\" \"exchange-sender\" \"exchange-record-type\");created=1796601600;"
                + "keyid=\"test-key-ed25519\"");
    }

    private static PublicKey rfcPublicKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(RFC_PUBLIC_KEY)));
    }
}
