package org.safeguarding.exchange.connect.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;

/**
 * A partner agency's HTTPS endpoint over the JDK's own HTTPS server. Each path answers as its test scripts it, records
 * every request, and checks each request's signature as a partner would, with code of its own: it rebuilds the
 * signature base from the request it received (RFC 9421 section 2.5), checks the Content-Digest against the body, and
 * verifies the Ed25519 signature with the exchange's public key.
 */
public final class PartnerServer implements AutoCloseable {

    /** One request as the partner received it. */
    public record Received(String path, Map<String, List<String>> headers, String body, boolean signatureValid, int answered,
            long atNanos, String clientCertificate) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String idempotencyKey() {
            return header("idempotency-key");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What a path answers to its n-th request (1 for the first), given the request. */
    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {

        public static Answer of(int status) {
            return new Answer(status, "", Map.of(), 0);
        }

        public static Answer of(int status, String body) {
            return new Answer(status, body, Map.of(), 0);
        }
    }

    public interface Script {
        Answer answer(int n, HttpExchange request, String body);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INPUT = Pattern.compile("exchange=\\(([^)]*)\\)(.*)");
    private static final Pattern SIGNATURE = Pattern.compile("exchange=:([A-Za-z0-9+/=]+):");

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final PublicKey exchangeKey;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    public PartnerServer(SelfSignedTls tls, PublicKey exchangeKey) throws Exception {
        this(tls, null, exchangeKey);
    }

    /** With {@code trustedClient}: mutual TLS, a client must present that certificate. */
    public PartnerServer(SelfSignedTls tls, SelfSignedTls trustedClient, PublicKey exchangeKey) throws Exception {
        this.exchangeKey = exchangeKey;
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext(trustedClient)) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setNeedClientAuth(trustedClient != null);
                parameters.setSSLParameters(ssl);
            }
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How {@code path} answers from now on. */
    public void script(String path, Script script) {
        scripts.put(path, script);
        counts.put(path, new AtomicInteger());
    }

    /** A path that answers with a token endpoint's JSON; {@code tokens} gives the n-th token. */
    public void tokenEndpoint(String path, Function<Integer, String> tokens) {
        script(path, (n, request, body) -> new Answer(200, "{\"access_token\":\"" + tokens.apply(n)
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}", Map.of("Content-Type", "application/json"), 0));
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Script script = scripts.get(path);
        Answer answer = script == null ? Answer.of(404) : script.answer(counts.get(path).incrementAndGet(), exchange, body);
        received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, signatureValid(exchange, body),
                answer.status(), System.nanoTime(), clientCertificate(exchange)));
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The connector gave up waiting (a slow partner): nobody reads the answer.
        } finally {
            exchange.close();
        }
    }

    /** The subject of the certificate the client presented, or null. */
    private static String clientCertificate(HttpExchange exchange) {
        try {
            if (exchange instanceof com.sun.net.httpserver.HttpsExchange https && https.getSSLSession().getPeerCertificates().length > 0) {
                return ((java.security.cert.X509Certificate) https.getSSLSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
            }
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
        return null;
    }

    /** The partner's own check of a request's signature. */
    private boolean signatureValid(HttpExchange exchange, String body) {
        try {
            String input = exchange.getRequestHeaders().getFirst("Signature-Input");
            String signature = exchange.getRequestHeaders().getFirst("Signature");
            String digest = exchange.getRequestHeaders().getFirst("Content-Digest");
            if (input == null || signature == null || digest == null) {
                return false;
            }
            String expectedDigest = "sha-256=:" + Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))) + ":";
            if (!expectedDigest.equals(digest)) {
                return false;
            }
            Matcher in = INPUT.matcher(input);
            Matcher sig = SIGNATURE.matcher(signature);
            if (!in.matches() || !sig.matches()) {
                return false;
            }
            URI target = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI());
            List<String> lines = new ArrayList<>();
            for (String quoted : in.group(1).split(" ")) {
                String name = quoted.substring(1, quoted.length() - 1);
                String value = switch (name) {
                    case "@method" -> exchange.getRequestMethod();
                    case "@target-uri" -> target.toString();
                    default -> exchange.getRequestHeaders().getFirst(name);
                };
                lines.add("\"" + name + "\": " + value);
            }
            lines.add("\"@signature-params\": (" + in.group(1) + ")" + in.group(2));
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(exchangeKey);
            ed25519.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(sig.group(1)));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
