package org.safeguarding.exchange.connect.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safeguarding.exchange.signing.MessageSignature;

/**
 * HTTP Message Signatures (RFC 9421) with Ed25519, as the inbox webhook signs each request so that the partner can check
 * that it came from the exchange and was not changed on the way. Only what the webhook needs: covered components whose
 * values the caller supplies, the {@code created} and {@code keyid} parameters, one signature labelled {@value #LABEL}.
 *
 * <p>The signature base (RFC 9421 section 2.5) is one line per covered component, {@code "name": value}, then
 * {@code "@signature-params": <the serialized inner list and its parameters>}, lines joined by a single LF, with no LF
 * at the end. The webhook covers {@link #COVERED}; the body enters through its {@code content-digest} (RFC 9530).
 */
public final class RequestSignature {

    public static final String LABEL = "exchange";
    public static final String SIGNATURE_INPUT_HEADER = "Signature-Input";
    public static final String SIGNATURE_HEADER = "Signature";
    public static final String CONTENT_DIGEST_HEADER = "Content-Digest";

    /** What the webhook signs, in this order. */
    public static final List<String> COVERED = List.of("@method", "@target-uri", "content-type", "content-digest",
            "idempotency-key", "exchange-sender", "exchange-record-type");

    /** A covered component and its value as the request carries it. */
    public record Component(String name, String value) {
    }

    /** The signature's parameters: the covered component names, when it was made (seconds since 1970), the key id. */
    public record Params(List<String> covered, long created, String keyId) {

        /** The serialized form, as it appears in Signature-Input after the label and in the base's last line. */
        public String serialize() {
            return covered.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(" ", "(", ")"))
                    + ";created=" + created + ";keyid=\"" + keyId + "\"";
        }
    }

    private RequestSignature() {
    }

    /**
     * The webhook's covered components ({@link #COVERED}) of a request: its method, its URL, and the named headers'
     * values ({@code headers} keyed by lower-case name).
     */
    public static List<Component> covered(String method, URI target, Map<String, String> headers) {
        List<Component> components = new ArrayList<>();
        for (String name : COVERED) {
            String value = switch (name) {
                case "@method" -> method;
                case "@target-uri" -> target.toString();
                default -> headers.get(name);
            };
            if (value == null) {
                throw new IllegalArgumentException("The request has no " + name + " to sign");
            }
            components.add(new Component(name, value));
        }
        return components;
    }

    /** The signature base over these components (in the order of {@code params.covered()}). */
    public static String base(List<Component> components, Params params) {
        List<String> names = components.stream().map(Component::name).toList();
        if (!names.equals(params.covered())) {
            throw new IllegalArgumentException("Components " + names + " are not the covered " + params.covered());
        }
        StringBuilder base = new StringBuilder();
        for (Component component : components) {
            if (component.value().indexOf('\n') >= 0 || component.value().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("A line break in " + component.name());
            }
            base.append('"').append(component.name()).append("\": ").append(component.value().strip()).append('\n');
        }
        return base.append("\"@signature-params\": ").append(params.serialize()).toString();
    }

    /** The Ed25519 signature over a base, in the header's byte-sequence form without the colons: base64. */
    public static String sign(PrivateKey key, String base) {
        return MessageSignature.encode(MessageSignature.sign(key, base.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether a base64 signature is the given key's Ed25519 signature over the base (what a partner checks). */
    public static boolean verify(PublicKey key, String base, String signatureBase64) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(base.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The Signature-Input header's value for this signature. */
    public static String signatureInput(Params params) {
        return LABEL + "=" + params.serialize();
    }

    /** The Signature header's value for this signature. */
    public static String signatureHeader(String signatureBase64) {
        return LABEL + "=:" + signatureBase64 + ":";
    }

    /** The Content-Digest header's value for a body (RFC 9530, SHA-256). */
    public static String contentDigest(byte[] body) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(MessageSignature.sha256(body)) + ":";
    }
}
